/** A small client for the admin API, used by the CLI, `npm start` and the benchmark. */
export class AdminClient {
  constructor(
    readonly baseUrl: string,
    private readonly operatorToken: string,
  ) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.operatorToken}`,
        ...(body !== undefined && { "content-type": "application/json" }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async createTenant(subdomain: string): Promise<{ tenantId: string; appSecret: string }> {
    const answer = await this.call<{
      tenantId: string;
      appSecret: string;
      error?: { message: string };
    }>("POST", "/v1/admin/tenants", { subdomain });
    if (answer.status !== 201)
      throw new Error(
        `creating tenant '${subdomain}' failed (${answer.status}): ${answer.body.error?.message ?? ""}`,
      );
    return answer.body;
  }

  async putSettings(tenantId: string, settings: unknown): Promise<unknown> {
    const answer = await this.call<{ error?: { message: string } }>(
      "PUT",
      `/v1/admin/tenants/${tenantId}/settings`,
      settings,
    );
    if (answer.status !== 200)
      throw new Error(
        `updating settings failed (${answer.status}): ${answer.body.error?.message ?? ""}`,
      );
    return answer.body;
  }
}
