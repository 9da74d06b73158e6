import { ApiError } from "../lib/problem";
import type { AppBindings } from "../lib/types";
import { loadTenant, type LoadedTenant } from "../tenancy/tenants";

// What every inbound channel's signature check shares: the tenant, the decoy and the refusal.

/**
 * An unknown tenant id is answered exactly as a known tenant answers a request signed with the
 * wrong secret: checked against a secret nobody holds, so the answer never tells which ids exist.
 * (The operator APIs, which may tell, answer `TenantNotFound`.)
 */
let decoySecrets: { secret: string; key: Uint8Array<ArrayBuffer> } | null = null;
// Made on first use: the runtime allows no random values at global scope.
export const decoy = () =>
  (decoySecrets ??= {
    secret: crypto.randomUUID(),
    key: crypto.getRandomValues(new Uint8Array(32)),
  });

export async function tenantOf(
  env: AppBindings["Bindings"],
  tenantId: string | undefined,
): Promise<LoadedTenant | null> {
  return tenantId ? loadTenant(env, tenantId) : null;
}

export function unauthorized(reason: string): never {
  throw new ApiError(
    401,
    "invalid_signature",
    `The request is not signed by the sender this tenant trusts: ${reason}. Nothing was stored.`,
  );
}

/**
 * The tenant a request was signed for, once its check passed. An unknown id, whose check ran
 * against the decoy, is refused here with the answer a mismatched signature gets.
 */
export function signedFor(tenant: LoadedTenant | null, mismatch: string): LoadedTenant {
  if (!tenant) unauthorized(mismatch);
  return tenant;
}
