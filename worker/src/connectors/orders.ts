import { CustomersAnswer, Order, OrdersAnswer, type OrderCustomer } from "../contracts/orders";
import { orderIdKey } from "../domain/identifiers";
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

/**
 * The forms an order id may be stored in, the one the customer wrote first: order systems differ
 * in whether ids carry a leading '#' and in case (DESIGN §8), and customers write either.
 */
export function orderIdForms(written: string): string[] {
  const bare = written.trim().replace(/^#\s*/, "");
  const hashed = written.trim().startsWith("#");
  const upper = bare.toUpperCase();
  // Read out on a call, "ORD-55102" loses its dash: "o r d five five one oh two".
  const dashed = upper.match(/^([A-Z]{1,4})-?(\d.*)$/);
  const otherDash = dashed
    ? upper.includes("-")
      ? `${dashed[1]}${dashed[2]}`
      : `${dashed[1]}-${dashed[2]}`
    : null;
  const forms = [
    hashed ? `#${bare}` : bare,
    hashed ? bare : `#${bare}`,
    upper,
    `#${upper}`,
    ...(otherDash ? [otherDash, `#${otherDash}`] : []),
  ];
  return [...new Set(forms)];
}

/**
 * One run's view of the order system: an order is asked for in each form it may be stored in
 * until one answers, and every answer (including "no such order") is kept for the rest of the run,
 * so grounding, evidence and the agent's cards never ask twice.
 */
export class RunOrderSystem implements OrderSystem {
  private readonly answers = new Map<string, Promise<unknown>>();
  constructor(private readonly system: OrderSystem) {}

  private once<T>(key: string, ask: () => Promise<T>): Promise<T> {
    let answer = this.answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = ask();
      // An outage is not an answer: a later call in the run asks again.
      answer.catch(() => this.answers.delete(key));
      this.answers.set(key, answer);
    }
    return answer;
  }

  customersByEmail(email: string) {
    return this.once(`email:${email}`, () => this.system.customersByEmail(email));
  }
  customersByPhone(phone: string) {
    return this.once(`phone:${phone}`, () => this.system.customersByPhone(phone));
  }
  customersByNameZip(name: string, zip: string) {
    return this.once(`namezip:${name.toLowerCase()}|${zip}`, () =>
      this.system.customersByNameZip(name, zip),
    );
  }
  ordersOf(customerId: string) {
    return this.once(`orders:${customerId}`, () => this.system.ordersOf(customerId));
  }
  order(orderId: string): Promise<Order | null> {
    // Keyed as one order whichever form it was asked in, so grounding and evidence share answers.
    return this.once(`order:${orderIdKey(orderId)}`, async () => {
      for (const form of orderIdForms(orderId)) {
        const found = await this.system.order(form);
        if (found) return found;
      }
      return null;
    });
  }
}

export function orderSystemFor(
  config: OrdersConfig,
  demo: () => OrderSystem,
  fetcher: typeof fetch = fetch,
): RunOrderSystem {
  switch (config.kind) {
    case "none":
      return new RunOrderSystem(noOrderSystem);
    case "demo":
      return new RunOrderSystem(demo());
    case "http":
      return new RunOrderSystem(new HttpOrderSystem(config.baseUrl, config.token, fetcher));
  }
}
