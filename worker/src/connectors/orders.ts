import { CustomersAnswer, Order, OrdersAnswer, type OrderCustomer } from "../contracts/orders";
import type { OrdersConfig } from "../tenancy/tenant-config";
import { DownstreamRejected, getJson, type HttpClient } from "./http";
import type { z } from "@hono/zod-openapi";

/** The read-only order system (DESIGN §8) as the rest of the Worker sees it. */
export interface OrderSystem {
  customersByEmail(email: string): Promise<OrderCustomer[]>;
  customersByPhone(phone: string): Promise<OrderCustomer[]>;
  customersByNameZip(name: string, zip: string): Promise<OrderCustomer[]>;
  ordersOf(customerId: string): Promise<Order[]>;
  order(orderId: string): Promise<Order | null>;
}

/** A tenant without an order system: every lookup finds nothing. */
export const noOrderSystem: OrderSystem = {
  customersByEmail: async () => [],
  customersByPhone: async () => [],
  customersByNameZip: async () => [],
  ordersOf: async () => [],
  order: async () => null,
};

/** Speaks DESIGN §8 over HTTP with a bearer token. */
export class HttpOrderSystem implements OrderSystem {
  private readonly client: HttpClient;
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
    fetcher: typeof fetch = fetch,
  ) {
    this.client = { service: "order system", fetch: fetcher };
  }

  private async get<T extends z.ZodType>(schema: T, path: string): Promise<z.infer<T> | null> {
    const headers: Record<string, string> = this.token
      ? { authorization: `Bearer ${this.token}` }
      : {};
    const body = await getJson<unknown>(this.client, `${this.baseUrl}${path}`, headers);
    if (body === null) return null;
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new DownstreamRejected(
        "order system",
        200,
        `answer to ${path.split("?")[0]} does not follow the contract`,
      );
    return parsed.data;
  }

  private async customers(query: Record<string, string>): Promise<OrderCustomer[]> {
    return (
      (await this.get(CustomersAnswer, `/customers?${new URLSearchParams(query)}`))?.customers ?? []
    );
  }

  customersByEmail(email: string) {
    return this.customers({ email });
  }
  customersByPhone(phone: string) {
    return this.customers({ phone });
  }
  customersByNameZip(name: string, zip: string) {
    return this.customers({ name, zip });
  }
  async ordersOf(customerId: string) {
    return (
      (await this.get(OrdersAnswer, `/customers/${encodeURIComponent(customerId)}/orders`))
        ?.orders ?? []
    );
  }
  order(orderId: string) {
    return this.get(Order, `/orders/${encodeURIComponent(orderId)}`);
  }
}

export function orderSystemFor(
  config: OrdersConfig,
  demo: () => OrderSystem,
  fetcher: typeof fetch = fetch,
): OrderSystem {
  switch (config.kind) {
    case "none":
      return noOrderSystem;
    case "demo":
      return demo();
    case "http":
      return new HttpOrderSystem(config.baseUrl, config.token, fetcher);
  }
}
