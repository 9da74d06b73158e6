/**
 * Names people give a figure that is neither an order nor a phone number: said right before it,
 * they make it that thing ("serial 7782019433", "ticket #20931", "card ending 4242"). The order
 * finder and the phone finder both step aside for them; each adds the names only it must heed.
 */
export const IDENTIFIER_NAMES = [
  "serial",
  "sn",
  "s/n",
  "model",
  "part",
  "sku",
  "imei",
  "ticket",
  "case",
  "invoice",
  "inv",
  "tracking",
  "account",
  "acct",
  "card",
  "code",
  "pin",
] as const;
