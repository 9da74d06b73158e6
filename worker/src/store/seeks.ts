/**
 * One primary-key seek per key, joined with UNION ALL. SQLite plans an OR over composite keys as a
 * scan of the tenant's rows once another filter is present; this form always seeks.
 * Parameters: ?1 is the tenant, then the key pairs in order.
 */
export function unionOfSeeks(
  select: string,
  keys: [string, string],
  filter: string,
  count: number,
  tenantColumn = "tenant_id",
): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `${select} WHERE ${tenantColumn} = ?1 AND ${keys[0]} = ?${i * 2 + 2} AND ${keys[1]} = ?${i * 2 + 3}${filter}`,
  ).join(" UNION ALL ");
}

/** `?from, ?from+1, …` for an IN list of `count` values; `NULL` (matches nothing) when empty. */
export function placeholders(count: number, from: number): string {
  return Array.from({ length: count }, (_, i) => `?${i + from}`).join(", ") || "NULL";
}
