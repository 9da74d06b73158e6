import { z } from "@hono/zod-openapi";
import type { TenantConfig } from "../../tenancy/tenant-config";
import { DownstreamRejected, send, type HttpClient } from "../../connectors/http";

const MessagesPage = z.object({
  messages: z.array(
    z.object({ id: z.string(), metadata: z.record(z.string(), z.unknown()).nullish() }),
  ),
  meta: z
    .object({ hasMore: z.boolean().optional(), afterCursor: z.string().nullish() })
    .partial()
    .optional(),
});

/** Sunshine Conversations v2: messages and switchboard actions, with Basic key auth. */
export class SuncoClient {
  private readonly client: HttpClient;
  constructor(
    private readonly config: TenantConfig["sunco"],
    fetcher: typeof fetch = fetch,
  ) {
    this.client = { service: "Sunshine Conversations", fetch: fetcher };
  }

  private get ready(): { appId: string; auth: string } {
    const { appId, keyId, keySecret } = this.config;
    if (!appId || !keyId || !keySecret)
      throw new DownstreamRejected(
        "Sunshine Conversations",
        0,
        "app id and keys are not configured",
      );
    return { appId, auth: `Basic ${btoa(`${keyId}:${keySecret}`)}` };
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const { auth } = this.ready;
    const response = await send(this.client, `${this.config.baseUrl}${path}`, {
      method,
      headers: {
        authorization: auth,
        accept: "application/json",
        ...(body !== undefined && { "content-type": "application/json" }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return response.status === 204 ? null : response.json();
  }

  /** Post as the business; `key` goes into the message metadata so a retry can find it. */
  async postMessage(conversationId: string, text: string, key: string): Promise<string | null> {
    const { appId } = this.ready;
    const answer = (await this.call(
      "POST",
      `/v2/apps/${appId}/conversations/${encodeURIComponent(conversationId)}/messages`,
      {
        author: { type: "business", displayName: "Continuity" },
        content: { type: "text", text },
        metadata: { continuity_key: key },
      },
    )) as { messages?: { id: string }[] } | null;
    return answer?.messages?.[0]?.id ?? null;
  }

  /** Whether a message carrying `key` is already in the conversation (the newest page). */
  async findMessage(conversationId: string, key: string): Promise<string | null> {
    const { appId } = this.ready;
    const page = MessagesPage.safeParse(
      await this.call(
        "GET",
        `/v2/apps/${appId}/conversations/${encodeURIComponent(conversationId)}/messages`,
      ),
    );
    if (!page.success) return null;
    return page.data.messages.find((m) => m.metadata?.continuity_key === key)?.id ?? null;
  }

  /** Hand the conversation to the next integration (the agent workspace), with flat metadata. */
  passControl(conversationId: string, metadata: SwitchboardMetadata): Promise<void> {
    return this.switchboard(conversationId, "passControl", {
      switchboardIntegration: "next",
      metadata,
    });
  }

  /**
   * Nobody holds the conversation any more (`releaseControl` clears its switchboard state), so the
   * switchboard's default integration, Continuity in a bot-first setup, answers the customer's next
   * message. The caller is the app, not the agent workspace, so it may release what that holds.
   */
  releaseControl(conversationId: string, metadata: SwitchboardMetadata): Promise<void> {
    return this.switchboard(conversationId, "releaseControl", { metadata });
  }

  private async switchboard(
    conversationId: string,
    action: "passControl" | "releaseControl",
    body: { metadata: SwitchboardMetadata; switchboardIntegration?: string },
  ): Promise<void> {
    const { appId } = this.ready;
    await this.call(
      "POST",
      `/v2/apps/${appId}/conversations/${encodeURIComponent(conversationId)}/${action}`,
      body,
    );
  }
}

type SwitchboardMetadata = Record<string, string | number | boolean>;
