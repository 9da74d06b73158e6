import { describe, expect, it } from "vitest";
import { localeChain, searchLocale } from "../../src/domain/knowledge/locales";
import { languageOf } from "../../src/domain/knowledge/terms";

describe("the Help Center locale a question is searched in", () => {
  it("goes from the customer's locale to its language to the Help Center's default", () => {
    expect(localeChain("es-MX", "en-us")).toEqual(["es-mx", "es", "en-us"]);
    expect(localeChain(null, "en-us")).toEqual(["en-us"]);
    expect(localeChain("en_US", "en-us")).toEqual(["en-us", "en"]);
  });

  it("takes the first enabled locale, a regional one for a bare language, else the default", () => {
    expect(searchLocale(["es-mx", "es", "en-us"], ["en-us", "es"], "en-us")).toBe("es");
    expect(searchLocale(["es", "en-us"], ["en-us", "es-mx"], "en-us")).toBe("es-mx");
    expect(searchLocale(["fr", "en-us"], ["en-us", "es"], "en-us")).toBe("en-us");
    expect(searchLocale(["de"], ["en-gb"], "en-GB")).toBe("en-gb");
  });

  it("reads the customer's language from their own words", () => {
    expect(languageOf("¿Cuánto tarda el envío?")).toBe("es");
    expect(languageOf("How long does shipping take?")).toBe("en");
    expect(languageOf("warranty")).toBeNull();
  });
});
