import { CLOCK_SKEW_SECONDS } from "../../contracts/event-time";
import { fromBase64 } from "../../security/encoding";
import { verifyHmac, type SignatureCheck } from "../../security/signatures";

export const ZENDESK_STALENESS_SECONDS = CLOCK_SKEW_SECONDS;

/**
 * Zendesk signs `timestamp + raw body` with HMAC-SHA256 and sends the base64 digest. The secret is
 * used as its UTF-8 bytes, exactly as Zendesk shows it (it is not base64-decoded).
 */
export async function verifyZendeskSignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string,
  nowMs: number,
): Promise<SignatureCheck> {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp)
    return {
      ok: false,
      reason: "missing X-Zendesk-Webhook-Signature or X-Zendesk-Webhook-Signature-Timestamp",
    };
  const sentAt = Date.parse(timestamp);
  if (Number.isNaN(sentAt))
    return { ok: false, reason: "X-Zendesk-Webhook-Signature-Timestamp is not a timestamp" };
  if (Math.abs(nowMs - sentAt) > ZENDESK_STALENESS_SECONDS * 1000) {
    return {
      ok: false,
      reason: `signature timestamp is outside the ${ZENDESK_STALENESS_SECONDS}s window`,
    };
  }
  let digest: Uint8Array<ArrayBuffer>;
  try {
    digest = fromBase64(signature);
  } catch {
    return { ok: false, reason: "X-Zendesk-Webhook-Signature is not base64" };
  }
  return (await verifyHmac(secret, digest, timestamp + rawBody))
    ? { ok: true }
    : { ok: false, reason: "signature does not match" };
}
