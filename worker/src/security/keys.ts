import { fromBase64, toBase64, utf8 } from "./encoding";

/**
 * Every key the Worker uses derives from SECRETS_KEY with HKDF, each for one purpose, so a key
 * leaked from one use (say, identity hashing) tells nothing about another (settings encryption).
 */
export interface RootKeys {
  settings: CryptoKey;
  appSecretLookup: CryptoKey;
  /** The HKDF root itself, for per-tenant keys derived on demand. */
  root: CryptoKey;
  /** Names this root in caches without holding the secret: equal only for the same root key. */
  fingerprint: string;
}

const cache = new Map<string, Promise<RootKeys>>();

async function importRoot(secretsKey: string): Promise<CryptoKey> {
  const raw = fromBase64(secretsKey.trim());
  if (raw.length !== 32) throw new Error("SECRETS_KEY must be base64 of 32 random bytes");
  return crypto.subtle.importKey("raw", raw, "HKDF", false, ["deriveKey", "deriveBits"]);
}

function info(purpose: string) {
  return {
    name: "HKDF",
    hash: "SHA-256",
    salt: new Uint8Array(32),
    info: utf8(`continuity/${purpose}/v1`),
  } as const;
}

async function derive(secretsKey: string): Promise<RootKeys> {
  const root = await importRoot(secretsKey);
  const hmac = { name: "HMAC", hash: "SHA-256", length: 256 } as const;
  const [settings, appSecretLookup, fingerprint] = await Promise.all([
    crypto.subtle.deriveKey(info("settings"), root, { name: "AES-GCM", length: 256 }, false, [
      "encrypt",
      "decrypt",
    ]),
    crypto.subtle.deriveKey(info("app-secret-lookup"), root, hmac, false, ["sign"]),
    crypto.subtle.deriveBits(info("cache-fingerprint"), root, 128),
  ]);
  return { settings, appSecretLookup, root, fingerprint: toBase64(new Uint8Array(fingerprint)) };
}

export function rootKeys(secretsKey: string): Promise<RootKeys> {
  let keys = cache.get(secretsKey);
  if (!keys) {
    keys = derive(secretsKey);
    keys.catch(() => cache.delete(secretsKey));
    cache.set(secretsKey, keys);
  }
  return keys;
}

const identityKeys = new Map<string, Promise<CryptoKey>>();

/** Each tenant hashes identifiers with its own key: equal emails in two tenants never match. */
export async function identityKey(secretsKey: string, tenantId: string): Promise<CryptoKey> {
  const { root, fingerprint } = await rootKeys(secretsKey);
  // Keyed by the root's fingerprint: a rotated SECRETS_KEY never gets the old key's hashes.
  const id = `${fingerprint}:${tenantId}`;
  let key = identityKeys.get(id);
  if (!key) {
    key = crypto.subtle.deriveKey(
      info(`identity/${tenantId}`),
      root,
      { name: "HMAC", hash: "SHA-256", length: 256 },
      false,
      ["sign"],
    );
    identityKeys.set(id, key);
  }
  return key;
}

const signingKeys = new Map<string, Promise<CryptoKey>>();

/** An HMAC key for one kind of signed token; a signature under one purpose is valid for no other. */
async function signingKey(secretsKey: string, purpose: string): Promise<CryptoKey> {
  const { root, fingerprint } = await rootKeys(secretsKey);
  const id = `${fingerprint}:${purpose}`;
  let key = signingKeys.get(id);
  if (!key) {
    key = crypto.subtle.deriveKey(
      info(purpose),
      root,
      { name: "HMAC", hash: "SHA-256", length: 256 },
      false,
      ["sign", "verify"],
    );
    signingKeys.set(id, key);
  }
  return key;
}

/** Signs the `state` of an OAuth round trip (security/oauth-state.ts). */
export const oauthStateKey = (secretsKey: string) => signingKey(secretsKey, "oauth-state");

/** Signs the tokens that attach a participant to a thread's live session (security/session-token.ts). */
export const sessionTokenKey = (secretsKey: string) => signingKey(secretsKey, "session-token");

/** Signs a web chat visitor's credential to their own chat session (security/chat-token.ts). */
export const chatTokenKey = (secretsKey: string) => signingKey(secretsKey, "chat-token");
