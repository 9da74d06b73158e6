import { hashInput, type IdentifierKind } from "../domain/identifiers";
import { hmacSha256Base64Url } from "./hmac";

/** Keyed hash of a normalised identifier: equal inputs match within a tenant, and nowhere else. */
export async function identityHash(
  key: CryptoKey,
  identifier: { kind: IdentifierKind | "name_zip"; value: string },
): Promise<string> {
  return hmacSha256Base64Url(key, hashInput(identifier));
}
