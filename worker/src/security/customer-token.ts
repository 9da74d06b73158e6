import { z } from "zod";
import { fromHex } from "./encoding";
import { signedPayload } from "./signed-token";
import { verifyHmac } from "./signatures";

/**
 * What a tenant's own site backend signs for a customer who is logged in there, so its web chat
 * opens as that customer (docs/web-chat.md). Signed like the generic channel's events, with the
 * tenant's app secret: `base64url(JSON) "." hex(HMAC-SHA256(app secret, base64url(JSON)))`. The
 * signed text is base64url, which never holds the `{` every channel event body starts with, so a
 * signature over one is never valid for the other.
 */
export const CustomerTokenPayload = z.object({
  v: z.literal(1),
  tenant: z.string().min(1),
  contact: z.object({
    type: z.enum(["email", "phone", "external_id"]),
    value: z.string().min(1).max(320),
  }),
  /** Unique per token: it opens one chat once, so a copied token opens nothing. */
  jti: z.string().min(8).max(100),
  /** Epoch seconds. */
  exp: z.number().int(),
});
export type CustomerTokenPayload = z.infer<typeof CustomerTokenPayload>;

/** A token is handed to one page load: a longer one would be a link that can be forwarded. */
export const CUSTOMER_TOKEN_MAX_SECONDS = 10 * 60;

export type CustomerTokenCheck =
  | { ok: true; payload: CustomerTokenPayload }
  | {
      ok: false;
      reason: "malformed" | "bad_signature" | "wrong_tenant" | "expired" | "too_long";
    };

/** The signature first (in constant time), then the shape, the tenant and the clock. */
export async function verifyCustomerToken(
  signingKey: Uint8Array<ArrayBuffer>,
  tenantId: string,
  token: string,
  nowMs: number,
): Promise<CustomerTokenCheck> {
  const [body, mac, extra] = token.split(".");
  const signature = mac ? fromHex(mac) : null;
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  if (!(await verifyHmac(signingKey, signature, body)))
    return { ok: false, reason: "bad_signature" };
  const payload = signedPayload(body, CustomerTokenPayload);
  if (!payload) return { ok: false, reason: "malformed" };
  if (payload.tenant !== tenantId) return { ok: false, reason: "wrong_tenant" };
  if (payload.exp * 1000 <= nowMs) return { ok: false, reason: "expired" };
  if (payload.exp * 1000 > nowMs + CUSTOMER_TOKEN_MAX_SECONDS * 1000 + 60_000)
    return { ok: false, reason: "too_long" };
  return { ok: true, payload };
}
