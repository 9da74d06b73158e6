import { describe, expect, it } from "vitest";
import {
  accountUrl,
  authorizeUrl,
  ourWebhook,
  requiredFieldIds,
  sameAccount,
  TICKET_EVENTS,
  webhookFor,
} from "../../src/integrations/zendesk/oauth/plan";

describe("connecting a Zendesk account, decided without I/O", () => {
  it("reaches Zendesk's own address unless the Worker names another", () => {
    expect(accountUrl(undefined, "acme")).toBe("https://acme.zendesk.com");
    expect(accountUrl("", "acme")).toBe("https://acme.zendesk.com");
    expect(accountUrl("http://127.0.0.1:9/s/{subdomain}/", "acme")).toBe(
      "http://127.0.0.1:9/s/acme",
    );
  });

  it("asks for consent with the code flow, the client, the callback and the state", () => {
    const url = new URL(
      authorizeUrl("https://acme.zendesk.com", {
        clientId: "continuity",
        redirectUri: "https://w.example/v1/zendesk/oauth/callback",
        state: "a.b",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://acme.zendesk.com/oauth/authorizations/new");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "continuity",
      redirect_uri: "https://w.example/v1/zendesk/oauth/callback",
      scope: "read write",
      state: "a.b",
    });
  });

  it("subscribes one event webhook to exactly the ticket events the inbound route maps", () => {
    const hook = webhookFor("https://w.example/v1/webhooks/zendesk/ten_1");
    expect(hook.subscriptions).toEqual([...TICKET_EVENTS]);
    expect(hook.subscriptions).not.toContain("conditional_ticket_events");
    expect(TICKET_EVENTS.every((e) => e.startsWith("zen:event-type:ticket."))).toBe(true);
  });

  it("knows its webhook by where it posts, whatever an admin renamed it to", () => {
    const ours = "https://w.example/v1/webhooks/zendesk/ten_1";
    const hooks = [
      { id: "1", endpoint: "https://other.example/hook" },
      { id: "2", endpoint: ours },
    ];
    expect(ourWebhook(hooks, ours)?.id).toBe("2");
    expect(ourWebhook(hooks, `${ours}x`)).toBeNull();
  });

  it("tells a token of this account from one of another", () => {
    const base = "https://acme.zendesk.com";
    expect(sameAccount("https://acme.zendesk.com/api/v2/users/7.json", base)).toBe(true);
    expect(sameAccount("https://acme.zendesk.com.evil.example/api/v2/users/7.json", base)).toBe(
      false,
    );
    expect(sameAccount("https://other.zendesk.com/api/v2/users/7.json", base)).toBe(false);
  });

  it("finds its two ticket fields among the installation's requirements, and nothing else", () => {
    const requirement = (identifier: string, type: string, id: string) => ({
      identifier,
      requirement_type: type,
      requirement_id: id,
    });
    expect(
      requiredFieldIds([
        requirement("continuity_thread_id", "ticket_fields", "360100000001"),
        requirement("continuity_identity_level", "ticket_fields", "360100000002"),
        requirement("some_target", "targets", "9"),
      ]),
    ).toEqual({ threadId: 360100000001, identityLevel: 360100000002 });
    // Another resource type with the same identifier, an id that is no id, or none at all.
    expect(
      requiredFieldIds([
        requirement("continuity_thread_id", "user_fields", "5"),
        requirement("continuity_identity_level", "ticket_fields", "abc"),
      ]),
    ).toEqual({});
    expect(requiredFieldIds([])).toEqual({});
  });
});
