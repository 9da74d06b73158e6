import { describe, expect, it } from "vitest";
import { chatLanguage, visitorLabel } from "../../src/domain/web-chat";
import { visitorIdentified, visitorMessage } from "../../src/chat/visitor-events";

describe("a web chat visitor", () => {
  it("is spoken to in the first of their languages the page has, else English", () => {
    expect(chatLanguage(undefined, "fr-FR,es;q=0.8,de;q=0.5")).toBe("es");
    expect(chatLanguage("de", "es")).toBe("de");
    expect(chatLanguage(undefined, "fr")).toBe("en");
    expect(chatLanguage(undefined, undefined)).toBe("en");
  });

  it("is shown by channel and device, in plain words only", () => {
    expect(visitorLabel("Firefox on Linux")).toBe("web chat (Firefox on Linux)");
    expect(visitorLabel("<script>alert(1)</script>")).toBe("web chat (scriptalert1/script)");
    expect(visitorLabel("  ")).toBe("web chat");
    expect(visitorLabel(undefined)).toBe("web chat");
  });

  it("sends each message under one id within the session, so sending it again is the same event", () => {
    const once = visitorMessage("WEB-1", "m-1", "Hi", "2026-03-01T10:00:00.000Z");
    const again = visitorMessage("WEB-1", "m-1", "Hi", "2026-03-01T10:00:05.000Z");
    expect(again.id).toBe(once.id);
    expect(visitorMessage("WEB-2", "m-1", "Hi", "2026-03-01T10:00:00.000Z").id).not.toBe(once.id);
    expect(once.identifiers).toEqual([{ type: "chat_session", value: "WEB-1" }]);
  });

  it("is identified once per customer token, as verified by the tenant's login", () => {
    const event = visitorIdentified(
      "WEB-1",
      "jti-1",
      { type: "email", value: "maya.ortiz@example.com" },
      "2026-03-01T10:00:00.000Z",
    );
    expect(event.id).toBe("webchat:customer-token:jti-1");
    expect(event.verification).toEqual({
      method: "tenant_login",
      passedAt: "2026-03-01T10:00:00.000Z",
    });
    expect(event.message).toBeUndefined();
  });
});
