import { json, LoopbackVendor, type Route } from "./loopback";

interface SuncoSpace {
  appId: string | null;
  keyId: string | null;
  keySecret: string | null;
  messages: { conversationId: string; author: unknown; content: unknown; id: string }[];
  controls: {
    conversationId: string;
    action: string;
    switchboardIntegration: unknown;
    metadata: unknown;
  }[];
  nextId: number;
}

/** Sunshine Conversations v2 stand-in: posting messages and switchboard actions, Basic key auth. */
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
    return [
      {
        method: "POST",
        pattern: /^\/v2\/apps\/([^/]+)\/conversations\/([^/]+)\/messages$/,
        handle: ([, appId, conversationId], { body }) => {
          if (space.appId && appId !== space.appId)
            return json(404, { errors: [{ code: "app_not_found", title: "App not found" }] });
          const message = body as {
            author?: { type?: string };
            content?: { type?: string; text?: string };
          };
          if (message?.author?.type !== "business" || !message.content?.type) {
            return json(400, {
              errors: [
                { code: "bad_request", title: "author.type business and content are required" },
              ],
            });
          }
          const id = `msg_${space.nextId++}`;
          space.messages.push({
            conversationId: conversationId!,
            author: message.author,
            content: message.content,
            id,
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
        method: "POST",
        pattern:
          /^\/v2\/apps\/([^/]+)\/conversations\/([^/]+)\/(passControl|offerControl|acceptControl|releaseControl)$/,
        handle: ([, , conversationId, action], { body }) => {
          const request = (body ?? {}) as { switchboardIntegration?: unknown; metadata?: unknown };
          if (
            (action === "passControl" || action === "offerControl") &&
            !request.switchboardIntegration
          ) {
            return json(400, {
              errors: [{ code: "bad_request", title: "switchboardIntegration is required" }],
            });
          }
          if (request.metadata && JSON.stringify(request.metadata).length > 4096) {
            return json(400, {
              errors: [{ code: "bad_request", title: "metadata is limited to 4096 bytes" }],
            });
          }
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
