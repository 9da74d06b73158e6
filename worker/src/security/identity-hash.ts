import { hashInput, type IdentifierKind } from "../domain/identifiers";
import { toBase64Url, utf8 } from "./encoding";

/** Keyed hash of a normalised identifier: equal inputs match within a tenant, and nowhere else. */
export async function identityHash(
  key: CryptoKey,
  identifier: { kind: IdentifierKind | "name_zip"; value: string },
): Promise<string> {
  return toBase64Url(await crypto.subtle.sign("HMAC", key, utf8(hashInput(identifier))));
}
