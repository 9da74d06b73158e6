import { fromBase64, toBase64, utf8 } from "./encoding";

/**
 * AES-GCM with a fresh IV per message and the owner bound in as associated data, so a ciphertext
 * copied onto another tenant's row fails to open.
 */
export async function seal(key: CryptoKey, plaintext: string, owner: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: utf8(owner) },
    key,
    utf8(plaintext),
  );
  return `v1.${toBase64(iv)}.${toBase64(ct)}`;
}

export async function open(key: CryptoKey, sealed: string, owner: string): Promise<string> {
  const [version, iv, ct] = sealed.split(".");
  if (version !== "v1" || !iv || !ct) throw new Error("unsupported sealed value");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64(iv), additionalData: utf8(owner) },
    key,
    fromBase64(ct),
  );
  return new TextDecoder().decode(plain);
}
