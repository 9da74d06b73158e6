import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/domain/note-rendering";

describe("text put into a handoff note's HTML", () => {
  it("escapes both quotes, so no text can leave an attribute quoted either way", () => {
    expect(escapeHtml(`it's "x" <b>&`)).toBe("it&#39;s &quot;x&quot; &lt;b&gt;&amp;");
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        // Decoding gives the text back: nothing is lost, only written safely.
        const decoded = escaped
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&");
        expect(decoded).toBe(text);
      }),
    );
  });
});
