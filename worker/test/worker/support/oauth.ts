import { env } from "cloudflare:test";
import { call, control } from "./worker";

/** A Zendesk account in the stand-in (one space per subdomain) with the app installed. */
export interface Account {
  subdomain: string;
  installationId: string;
}

export interface Approver {
  id: string;
  name: string;
  role: string;
}

export type Intent = "connect" | "disconnect" | "admin_session";

let counter = 0;

/** `more` is loaded into the stand-in too (users, tickets, `oauth.expiresIn`…). */
export async function newAccount(
  approver?: Approver,
  more: { oauth?: Record<string, unknown> } & Record<string, unknown> = {},
): Promise<Account> {
  const subdomain = `acct${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const installationId = String(360000000 + Math.floor(Math.random() * 1_000_000));
  await control("zendesk", subdomain, "load", {
    ...more,
    oauth: {
      client: { id: env.ZENDESK_CLIENT_ID, secret: env.ZENDESK_CLIENT_SECRET },
      ...(approver && { approver }),
      ...more.oauth,
    },
    installations: [{ id: installationId, settings: { workerUrl: "https://continuity.test" } }],
  });
  return { subdomain, installationId };
}

/** Who approves the next consent in the account (what `users/me` will say of the token). */
export async function approveAs(account: Account, approver: Approver): Promise<void> {
  await control("zendesk", account.subdomain, "load", { oauth: { approver } });
}

/** The app secret Connect wrote into the account's installation, as Zendesk's proxy would send it. */
export async function installedAppSecret(account: Account): Promise<string | undefined> {
  return (await accountState(account)).installations[account.installationId]?.settings.appSecret;
}

export async function start(
  account: Account,
  intent: Intent = "connect",
  init: { appSecret?: string; accept?: string } = {},
): Promise<Response> {
  const query = new URLSearchParams({
    subdomain: account.subdomain,
    installationId: account.installationId,
    intent,
  });
  // Disconnecting and signing in are started by the installed app, with the secret Connect wrote.
  const appSecret =
    init.appSecret ?? (intent !== "connect" ? await installedAppSecret(account) : undefined);
  return call(`/v1/zendesk/oauth/start?${query}`, {
    redirect: "manual",
    headers: {
      ...(appSecret && { authorization: `Bearer ${appSecret}` }),
      ...(init.accept && { accept: init.accept }),
    },
  });
}

/** The consent address the Worker sends the admin to. */
export async function authorizeUrl(account: Account, intent: Intent = "connect"): Promise<URL> {
  const response = await start(account, intent);
  if (response.status !== 302)
    throw new Error(`start: ${response.status} ${await response.text()}`);
  return new URL(response.headers.get("location")!);
}

/** The admin clicks Allow (or Cancel): the callback path Zendesk redirects back to. */
export async function consent(authorize: URL, decision: "approve" | "deny" = "approve") {
  const url = new URL(authorize);
  url.searchParams.set("decision", decision);
  const response = await fetch(url, { redirect: "manual" });
  if (response.status !== 302)
    throw new Error(`consent: ${response.status} ${await response.text()}`);
  const back = new URL(response.headers.get("location")!);
  return `${back.pathname}${back.search}`;
}

export function callback(path: string): Promise<Response> {
  return call(path);
}

/** Start, approve and come back: the whole round trip an admin makes. */
export async function roundTrip(account: Account, intent: Intent = "connect"): Promise<Response> {
  return callback(await consent(await authorizeUrl(account, intent)));
}

export interface ConnectAnswer {
  tenantId: string;
  webhook: { id: string; subscriptions: string[] };
  steps: { step: string; outcome: string }[];
}

export async function connected(account: Account): Promise<ConnectAnswer> {
  const response = await roundTrip(account);
  if (response.status !== 200)
    throw new Error(`connect: ${response.status} ${await response.text()}`);
  return (await response.json()) as ConnectAnswer;
}

export interface AccountState {
  webhooks: {
    id: string;
    name: string;
    endpoint: string;
    subscriptions: string[];
    signing_secret: string;
  }[];
  installations: Record<string, { settings: Record<string, string> }>;
  tokens: { userId: string; revoked: boolean; renewed: boolean }[];
}

export async function accountState(account: Account): Promise<AccountState> {
  return (await control("zendesk", account.subdomain, "state")) as AccountState;
}

export interface Recorded {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export async function received(account: { subdomain: string } | string): Promise<Recorded[]> {
  const space = typeof account === "string" ? account : account.subdomain;
  return ((await control("zendesk", space, "requests")) as { requests: Recorded[] }).requests;
}

export async function tenantOf(subdomain: string) {
  return env.DB.prepare("SELECT id, secrets_sealed FROM tenants WHERE subdomain = ?1")
    .bind(subdomain)
    .first<{ id: string; secrets_sealed: string | null }>();
}

export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** The app collects the admin session its round trip (with this state) minted. */
export async function collect(account: Account, state: string, appSecret?: string) {
  const secret = appSecret ?? (await installedAppSecret(account));
  return call("/v1/setup/session", {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ state }),
  });
}

/** Sign in as admin: the round trip with intent admin_session, then the app's collection. */
export async function adminSession(account: Account): Promise<string> {
  const authorize = await authorizeUrl(account, "admin_session");
  const back = await callback(await consent(authorize));
  if (back.status !== 200) throw new Error(`sign in: ${back.status} ${await back.text()}`);
  const response = await collect(account, authorize.searchParams.get("state")!);
  if (response.status !== 200)
    throw new Error(`collect: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { sessionToken: string }).sessionToken;
}
