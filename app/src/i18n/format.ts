/**
 * Dates, relative times and lists in the agent's locale. Intl does the language work; the only
 * decision here is which unit a relative time reads best in.
 */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

export interface Formatters {
  dateTime(iso: string): string;
  relative(iso: string, now?: number): string;
  list(items: string[]): string;
  /** A language code ("es", "pt-BR") as its name in the agent's language. */
  language(code: string): string;
}

export function formattersFor(locale: string): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const languages = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
  return {
    dateTime: (iso) => {
      const at = Date.parse(iso);
      return Number.isNaN(at) ? iso : dateTime.format(at);
    },
    relative: (iso, now = Date.now()) => {
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return iso;
      const seconds = Math.round((at - now) / 1000);
      const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ["second", 1];
      return relative.format(Math.round(seconds / size), unit);
    },
    list: (items) => list.format(items),
    language: (code) => {
      try {
        return code ? (languages.of(code) ?? code) : code;
      } catch {
        return code; // not a BCP 47 tag
      }
    },
  };
}
