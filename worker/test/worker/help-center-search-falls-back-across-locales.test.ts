import { beforeEach, describe, expect, it } from "vitest";
import { chatQuestion, helpCenter } from "./support/help-center";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { control, migrate } from "./support/worker";

beforeEach(migrate);

const searchedLocales = async (space: string) =>
  (
    (await control("zendesk", space, "requests")) as {
      requests: { path: string; query: Record<string, string> }[];
    }
  ).requests
    .filter((r) => r.path.includes("/help_center/articles/search"))
    .map((r) => r.query.locale);

describe("the locale searched", () => {
  it("is the regional Help Center of the customer's language when that is all there is", async () => {
    const tenant = await createTenant({
      zendesk: {
        helpCenter: helpCenter(
          [
            {
              id: 801,
              title: "Garantía",
              locale: "es-mx",
              paragraphs: ["La garantía cubre defectos de fabricación durante 3 años."],
            },
          ],
          ["en-us", "es-mx"],
        ),
      },
    });
    await sendChannelEvent(tenant, chatQuestion("¿Qué cubre la garantía?"));
    await settle(tenant);
    expect(await searchedLocales(tenant.space)).toEqual(["es-mx"]);
    const reply = (await readContext(tenant, "7701")).agent.replies.at(-1)?.text ?? "";
    expect(reply).toContain("durante 3 años");
    expect(reply).toContain("/hc/es-mx/articles/801");
  });

  it("is the Help Center's default when it has nothing in the customer's language", async () => {
    const tenant = await createTenant({
      zendesk: {
        helpCenter: helpCenter([
          { id: 802, title: "Warranty", paragraphs: ["Appliances carry a 1-year warranty."] },
        ]),
      },
    });
    await sendChannelEvent(tenant, chatQuestion("¿Qué cubre la garantía?"));
    await settle(tenant);
    expect(await searchedLocales(tenant.space)).toEqual(["en-us"]);
  });
});
