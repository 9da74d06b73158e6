import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The one error shape every endpoint answers with: what went wrong, in words a caller can act on. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
    /** Sent with the answer (a 429's Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues && { issues: this.issues }),
      },
    };
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    "",
  );
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  /** zod's `invalid_union`: each alternative's own issues, paths relative to the union. */
  errors?: readonly (readonly Issue[])[];
}

/**
 * A value that fits none of a union's shapes is told by the shape it came closest to (fewest
 * issues), so a bad URL in an order system's settings is named at `orders.baseUrl`, next to the
 * field, rather than as "orders: Invalid input".
 */
function closest(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || !issue.errors?.length) return [issue];
  const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
  if (best.length === 0) return [issue];
  return best.flatMap((inner) => closest({ ...inner, path: [...issue.path, ...inner.path] }));
}

export function issuesOf(error: { issues: readonly Issue[] }) {
  return error.issues
    .flatMap(closest)
    .map((i) => ({ path: formatPath(i.path) || "(body)", message: i.message }));
}

export function invalid(error: { issues: readonly Issue[] }, what = "request"): ApiError {
  const issues = issuesOf(error);
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid";
  return new ApiError(
    422,
    "invalid_" + what,
    `The ${what} is not valid (${summary}${issues.length > 1 ? `, and ${issues.length - 1} more` : ""})`,
    issues,
  );
}

/**
 * The operator APIs' answer for a tenant id that names no tenant. Inbound webhooks never give it:
 * they answer an unknown id as a wrong signature (integrations/signed-sender.ts).
 */
export class TenantNotFound extends ApiError {
  constructor() {
    super(404, "tenant_not_found", "No tenant with this id");
  }
}
