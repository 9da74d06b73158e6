/**
 * General policy answers: given at any identity level, because they reveal nothing about anyone.
 */
const ANSWERS: [RegExp, string][] = [
  [
    /\breturn (?:policy|window)|how long (?:do i have )?to return|can i return\b/i,
    "You can return most items within 30 days of delivery for a full refund, as long as they're unused and in their packaging.",
  ],
  [
    /\b(?:how long|when) (?:does|will) (?:shipping|delivery)|shipping times?\b/i,
    "Standard delivery takes 3–5 business days; express takes 1–2.",
  ],
  [
    /\bwarranty (?:period|length|cover)|how long is the warranty\b/i,
    "Appliances have a 2-year manufacturer's warranty from the delivery date; keep the invoice and the serial number.",
  ],
  [
    /\b(?:opening )?hours|when are you open\b/i,
    "Our team answers every day from 8am to 8pm; this assistant is available any time.",
  ],
];

export function generalAnswer(text: string): string | null {
  return ANSWERS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
