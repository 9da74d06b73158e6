/**
 * An email body in its parts. A reply carries the whole conversation below the new text; read as
 * one, an old request in the quoted history would look like a new one. The signature is kept apart
 * too: it says who is writing (a name, a phone, a postcode), not what they want.
 */
export interface EmailParts {
  /** What the sender wrote this time: greeting and new text, without sign-off or signature. */
  body: string;
  /** The sign-off and what follows it (name, title, phone, address), or null. */
  signature: string | null;
  /** Earlier messages quoted below (or inline), or null. */
  quoted: string | null;
}

// Lines that open quoted history in the clients people use: "On … wrote:", Outlook's header block,
// forwarded-message banners, and their common translations.
const QUOTE_OPENERS = [
  /^\s*on\b.{4,240}\bwrote:?\s*$/i,
  /^\s*-{2,}\s*(?:original|forwarded) message\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*(?:from|von|de|da):\s.+$/i,
  /^\s*le\b.{4,200}\ba écrit\s*:?\s*$/i,
  /^\s*am\b.{4,200}\bschrieb\b.*:?\s*$/i,
  /^\s*el\b.{4,200}\bescribió\s*:?\s*$/i,
  /^\s*begin forwarded message:?\s*$/i,
];
const HEADER_FIELD = /^\s*(?:sent|date|to|subject|cc|gesendet|envoyé|enviado)\s*:/i;

// A sign-off is a short line of closing words, perhaps with the sender's name after them, in the
// languages international customers close in even when they write in English.
const CLOSING =
  /^(?:(?:many|big|warm(?:est)?|kind(?:est)?|best|with|all the|yours)\s+)*(?:thanks?|thank you|thx|ta|cheers|regards|wishes|best|sincerely|faithfully|yours(?: truly| sincerely| faithfully)?|respectfully|cordially|take care|talk soon|speak soon|rgds|br|mit freundlichen grüßen|freundliche grüße|viele grüße|met vriendelijke groet(?:en)?|groeten|saludos(?: cordiales)?|un saludo|atentamente|cordialement|bien à vous|cordiali saluti|distinti saluti|grazie|obrigad[oa]|cumprimentos|atenciosamente|pozdrawiam|med vänlig hälsning|mvh|hälsningar)(?:[\s,.!-]+(?:again|so much|in advance|a lot|for (?:your|the|all (?:your|the)) (?:help|time|support|patience)))*[\s,.!-]*$/;
const TRAILING_NAME = /(?:^|[\s,–—-])(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*$/u;

function isSignOff(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed || trimmed.split(/\s+/).length > 9) return false;
  if (CLOSING.test(trimmed.toLowerCase())) return true;
  const name = trimmed.match(TRAILING_NAME);
  if (!name || name.index === undefined || name.index === 0) return false;
  return CLOSING.test(
    trimmed
      .slice(0, name.index + 1)
      .trim()
      .toLowerCase(),
  );
}
const SIGNATURE_DELIMITER = /^\s*--\s*$/;
const SENT_FROM = /^\s*sent from my\b/i;

function isQuoteOpener(lines: string[], i: number): boolean {
  const line = lines[i] ?? "";
  if (!QUOTE_OPENERS.some((p) => p.test(line))) {
    // Some clients wrap "On …, Name <address>" and "wrote:" onto two lines.
    return /^\s*on\b.{4,200}$/i.test(line) && /^\s*.{0,120}\bwrote:\s*$/i.test(lines[i + 1] ?? "");
  }
  if (/^\s*(?:from|von|de|da):/i.test(line)) {
    // "From:" opens a header block only when other header fields follow it.
    return lines.slice(i + 1, i + 5).some((l) => HEADER_FIELD.test(l));
  }
  return true;
}

/** Split an email body into what is new, the signature, and the quoted history. */
export function splitEmail(text: string): EmailParts {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (isQuoteOpener(lines, i)) {
      end = i;
      break;
    }
  }
  const quotedParts: string[] = [];
  if (end < lines.length) quotedParts.push(lines.slice(end).join("\n"));
  // Inline quoting ("> …" lines) may sit anywhere in what remains.
  const own: string[] = [];
  for (const line of lines.slice(0, end)) {
    if (/^\s*>/.test(line)) quotedParts.push(line.replace(/^\s*>+\s?/, ""));
    else own.push(line);
  }

  let signatureAt = own.findIndex((l) => SIGNATURE_DELIMITER.test(l) || SENT_FROM.test(l));
  // The last sign-off line with little after it ends the body; "Thanks for the quick reply!" with
  // a paragraph below it is part of the text, not a sign-off.
  for (let i = own.length - 1; i >= 0; i--) {
    if (signatureAt !== -1 && i >= signatureAt) continue;
    const line = own[i] ?? "";
    if (!isSignOff(line)) continue;
    const after = own.slice(i + 1).filter((l) => l.trim());
    if (after.length <= 10 && after.every((l) => l.trim().length <= 80)) {
      signatureAt = i;
      break;
    }
  }
  const body = (signatureAt === -1 ? own : own.slice(0, signatureAt)).join("\n").trim();
  const signature = signatureAt === -1 ? null : own.slice(signatureAt).join("\n").trim() || null;
  const quoted = quotedParts.join("\n").trim() || null;
  return { body, signature, quoted };
}

/**
 * A message without its closing block: the short lines after the last sentence that name the
 * sender ("Helen Mwangi / 18 Birch Lane / London"), as a signature does without a sign-off.
 */
export function withoutClosingBlock(text: string): string {
  const lines = text.split("\n");
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === "") end--;
  let start = end;
  while (
    start > 0 &&
    lines[start - 1]!.trim() !== "" &&
    lines[start - 1]!.trim().split(/\s+/).length <= 6 &&
    !/[.?!]$/.test(lines[start - 1]!.trim())
  )
    start--;
  // A block is a signature only below some text, and only if it is a few lines.
  const hasText = lines.slice(0, start).some((l) => l.trim());
  return hasText && end - start <= 6 && end - start >= 1 ? lines.slice(0, start).join("\n") : text;
}
