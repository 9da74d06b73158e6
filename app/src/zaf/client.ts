/**
 * The part of the ZAF client the app uses. The npm SDK ships no types; this is the contract the
 * app relies on, so the jsdom tests can double exactly this and nothing more.
 */
export interface ZafRequestOptions {
  url: string;
  type: "GET" | "POST" | "PUT" | "DELETE";
  contentType?: string;
  data?: string;
  headers?: Record<string, string>;
  secure?: boolean;
  cors?: boolean;
  httpCompleteResponse?: boolean;
  /** Milliseconds before Zendesk's proxy gives up on the call. */
  timeout?: number;
}

/**
 * With httpCompleteResponse the framework resolves with the whole response and rejects with the
 * jqXHR-like failure: both carry status, responseText and (for JSON) responseJSON.
 */
export interface ZafResponse {
  status: number;
  statusText?: string;
  responseText?: string;
  responseJSON?: unknown;
  headers?: Record<string, string>;
}

export interface ZafContext {
  location: string;
  instanceGuid?: string;
  account?: { subdomain: string };
  product?: string;
}

export interface ZafMetadata {
  appId?: number;
  installationId?: number;
  name?: string;
  version?: string;
  settings: Record<string, unknown>;
}

export type ZafHandler = (data?: unknown) => void;

export interface ZafClient {
  /** Set by the SDK once Zendesk has registered the app. */
  ready?: boolean;
  on(name: string, handler: ZafHandler): void;
  off(name: string, handler: ZafHandler): void;
  get(path: string | string[]): Promise<Record<string, unknown>>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  request(options: ZafRequestOptions): Promise<ZafResponse>;
  metadata(): Promise<ZafMetadata>;
  context(): Promise<ZafContext>;
  /** Another instance of this app (another ticket's sidebar), to send it a custom event. */
  instance(instanceGuid: string): { trigger(name: string, data?: unknown): void };
}

/** The agent looking at the sidebar, as `client.get('currentUser')` returns them. */
export interface ZafUser {
  id: number;
  name?: string;
  email?: string;
  locale?: string;
  /** `admin`, `agent`, … : only what the page shows; the Worker asks Zendesk before it acts. */
  role?: string;
  /** The Zendesk groups the agent belongs to. */
  groups?: { id: number; name: string }[];
}
