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

export function issuesOf(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}) {
  return error.issues.map((i) => ({ path: formatPath(i.path) || "(body)", message: i.message }));
}

export function invalid(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  what = "request",
): ApiError {
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
