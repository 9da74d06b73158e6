import { describe, expect, it } from "vitest";
import { englishCatalog } from "../src/i18n/catalogs";
import { formattersFor } from "../src/i18n/format";
import { makeI18n } from "../src/i18n/I18nProvider";
import type { CatalogTree } from "../src/i18n/translate";

describe("the i18n helper", () => {
  it("fills placeholders and picks plural forms with Intl.PluralRules", () => {
    const { t } = makeI18n("en", englishCatalog);
    expect(t("workflow.step", { number: 2, count: 4 })).toBe("Step 2 of 4");
    expect(t("risks.title", { count: 1 })).toBe("1 risk flag");
    expect(t("risks.title", { count: 3 })).toBe("3 risk flags");
  });

  it("falls back to English per key when a locale lacks one", () => {
    const partial: CatalogTree = { workflow: { step: "Paso {number} de {count}" } };
    const { t } = makeI18n("es", partial);
    expect(t("workflow.step", { number: 1, count: 2 })).toBe("Paso 1 de 2");
    expect(t("actions.approve")).toBe("Approve");
  });

  it("formats relative times and lists in the agent's locale", () => {
    const now = Date.parse("2025-03-01T12:00:00Z");
    const en = formattersFor("en");
    const de = formattersFor("de");
    expect(en.relative("2025-03-01T11:55:00Z", now)).toBe("5 min. ago");
    expect(en.relative("2025-03-02T12:00:00Z", now)).toBe("tomorrow");
    expect(de.relative("2025-03-01T10:00:00Z", now)).toBe("vor 2 Std.");
    expect(en.list(["a", "b", "c"])).toBe("a, b, and c");
  });
});
