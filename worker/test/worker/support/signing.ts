const encoder = new TextEncoder();

async function hmac(key: string, data: string): Promise<ArrayBuffer> {
  const imported = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return crypto.subtle.sign("HMAC", imported, encoder.encode(data));
}

/** As Zendesk signs: base64(HMAC-SHA256(secret, timestamp + body)), secret used as raw UTF-8. */
export async function zendeskSignature(
  secret: string,
  timestamp: string,
  body: string,
): Promise<string> {
  const bytes = new Uint8Array(await hmac(secret, timestamp + body));
  return btoa(String.fromCharCode(...bytes));
}

/** As a generic channel signs: hex(HMAC-SHA256(app secret, body)). */
export async function channelSignature(appSecret: string, body: string): Promise<string> {
  return [...new Uint8Array(await hmac(appSecret, body))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}
