import { beforeEach, describe, expect, it } from "vitest";
import { chatQuestion } from "./support/help-center";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

describe("when the Help Center cannot be read", () => {
  it("says a person will check, invents no answer, and hands the question over", async () => {
    const tenant = await createTenant();
    await control("zendesk", tenant.space, "fail", { status: 503, times: 10, methods: ["GET"] });
    await sendChannelEvent(tenant, chatQuestion("What's your return policy?"));
    await settle(tenant);

    const context = await readContext(tenant, "7701");
    const reply = context.agent.replies.at(-1)?.text ?? "";
    expect(reply).toContain("check that rather than guess");
    expect(reply).not.toMatch(/\d+ days/);
    expect(reply).not.toContain("/hc/");
    expect(context.agent.handoff?.code).toBe("needs_person");
  });
});
