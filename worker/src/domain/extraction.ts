import { findEmails, type PhoneSearch, type Span } from "./language/contact-details";
import { maskEmail, maskPhone } from "./identifiers";

/**
 * Stored transcripts keep their meaning but not the raw contact details inside them: emails and
 * phone numbers (international ones always, national ones in the tenant's country) are masked.
 */
export function redactText(text: string, phoneSearch: PhoneSearch): string {
  const found: (Span & { masked: string })[] = [
    ...findEmails(text).map((e) => ({ ...e.span, masked: maskEmail(e.email) })),
    ...phoneSearch.in(text).map((p) => ({ ...p.span, masked: maskPhone(p.e164) })),
  ].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const f of found) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.masked;
    at = f.end;
  }
  return out + text.slice(at);
}
