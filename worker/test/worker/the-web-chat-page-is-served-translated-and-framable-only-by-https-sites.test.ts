import { beforeEach, describe, expect, it } from "vitest";
import { createTenant } from "./support/tenant";
import { call, migrate } from "./support/worker";

beforeEach(migrate);

describe("the web chat page", () => {
  it("is served in the visitor's language, runs only the Worker's own script, and may be framed by https sites", async () => {
    const tenant = await createTenant();
    const page = await call(`/chat/${tenant.tenantId}`, {
      headers: { "accept-language": "de-CH,de;q=0.9,en;q=0.5" },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors 'self' https:");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    const html = await page.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Ihre Nachricht");
    // Accessible: a labelled field, and new messages are announced.
    expect(html).toMatch(/<label for="message">/);
    expect(html).toMatch(/aria-live="polite"/);
    // Only executable script is the Worker's own file.
    expect(html.match(/<script(?![^>]*type="application\/json")[^>]*>/g)).toEqual([
      '<script src="/chat/assets/chat.js" defer>',
    ]);

    const spanish = await (await call(`/chat/${tenant.tenantId}?lang=es`)).text();
    expect(spanish).toContain('<html lang="es">');
    const english = await (
      await call(`/chat/${tenant.tenantId}`, { headers: { "accept-language": "fr" } })
    ).text();
    expect(english).toContain('<html lang="en">');

    const script = await call("/chat/assets/chat.js");
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("/session-tokens");
  });

  it("answers a tenant that does not exist with a JSON 404", async () => {
    const page = await call("/chat/ten_nobody");
    expect(page.status).toBe(404);
    expect(await page.json()).toMatchObject({ error: { code: "no_web_chat" } });
  });
});
