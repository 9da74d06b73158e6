import { json, LoopbackVendor, type Route } from "./loopback";

interface SuncoMessage {
  id: string;
  conversationId: string;
  author: unknown;
  content: { type?: string; text?: string };
  metadata: Record<string, unknown> | null;
}

interface SuncoSpace {
  appId: string | null;
  keyId: string | null;
  keySecret: string | null;
  messages: SuncoMessage[];
  controls: {
    conversationId: string;
    action: string;
    switchboardIntegration: unknown;
    metadata: unknown;
  }[];
  nextId: number;
}

const error = (status: number, code: string, title: string) =>
  json(status, { errors: [{ code, title }] });

/**
 * Sunshine Conversations v2 stand-in: posting and listing messages and switchboard actions, with
 * Basic key auth and the 4 KB metadata limit.
 */
export class SuncoStandIn extends LoopbackVendor<SuncoSpace> {
  protected emptySpace(): SuncoSpace {
    return { appId: null, keyId: null, keySecret: null, messages: [], controls: [], nextId: 1 };
  }

  protected authorized(space: SuncoSpace, authorization: string | undefined): boolean {
    if (!space.keyId || !space.keySecret) return true;
    return (
      authorization ===
      `Basic ${Buffer.from(`${space.keyId}:${space.keySecret}`).toString("base64")}`
    );
  }

  protected load(space: SuncoSpace, data: unknown): void {
    const load = data as { appId?: string; keyId?: string; keySecret?: string };
    space.appId = load.appId ?? space.appId;
    space.keyId = load.keyId ?? space.keyId;
    space.keySecret = load.keySecret ?? space.keySecret;
  }

  protected snapshot(space: SuncoSpace): unknown {
    return { messages: space.messages, controls: space.controls };
  }

  protected routes(space: SuncoSpace): Route[] {
    const knownApp = (appId: string | undefined) => !space.appId || appId === space.appId;
    return [
      {
        method: "POST",
        pattern: /^\/v2\/apps\/([^/]+)\/conversations\/([^/]+)\/messages$/,
        handle: ([, appId, conversationId], { body }) => {
          if (!knownApp(appId)) return error(404, "app_not_found", "App not found");
          const message = body as {
            author?: { type?: string };
            content?: SuncoMessage["content"];
            metadata?: Record<string, unknown>;
          };
          if (message?.author?.type !== "business" || !message.content?.type) {
            return error(400, "bad_request", "author.type business and content are required");
          }
          if (message.metadata && JSON.stringify(message.metadata).length > 4096)
            return error(400, "bad_request", "metadata is limited to 4096 bytes");
          const id = `msg_${space.nextId++}`;
          space.messages.push({
            id,
            conversationId: conversationId!,
            author: message.author,
            content: message.content,
            metadata: message.metadata ?? null,
          });
          return json(201, {
            messages: [
              {
                id,
                received: new Date().toISOString(),
                author: message.author,
                content: message.content,
              },
            ],
          });
        },
      },
      {
        method: "GET",
        pattern: /^\/v2\/apps\/([^/]+)\/conversations\/([^/]+)\/messages$/,
        handle: ([, appId, conversationId]) => {
          if (!knownApp(appId)) return error(404, "app_not_found", "App not found");
          const messages = space.messages
            .filter((m) => m.conversationId === conversationId)
            .map(({ id, author, content, metadata }) => ({ id, author, content, metadata }));
          return json(200, { messages, meta: { hasMore: false } });
        },
      },
      {
        method: "POST",
        pattern:
          /^\/v2\/apps\/([^/]+)\/conversations\/([^/]+)\/(passControl|offerControl|acceptControl|releaseControl)$/,
        handle: ([, appId, conversationId, action], { body }) => {
          if (!knownApp(appId)) return error(404, "app_not_found", "App not found");
          const request = (body ?? {}) as { switchboardIntegration?: unknown; metadata?: unknown };
          if (
            (action === "passControl" || action === "offerControl") &&
            !request.switchboardIntegration
          ) {
            return error(400, "bad_request", "switchboardIntegration is required");
          }
          if (request.metadata && JSON.stringify(request.metadata).length > 4096)
            return error(400, "bad_request", "metadata is limited to 4096 bytes");
          space.controls.push({
            conversationId: conversationId!,
            action: action!,
            switchboardIntegration: request.switchboardIntegration ?? null,
            metadata: request.metadata ?? null,
          });
          return json(200, {});
        },
      },
    ];
  }
}
