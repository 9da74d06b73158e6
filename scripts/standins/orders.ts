import { json, LoopbackVendor, type Route } from "./loopback";

export interface OrderCustomerData {
  id: string;
  name: string;
  email: string;
  phones: string[];
  zip: string;
  tier?: string;
}

export interface OrderData {
  id: string;
  customerId: string;
  [key: string]: unknown;
}

interface OrdersSpace {
  token: string | null;
  customers: OrderCustomerData[];
  orders: OrderData[];
}

const digits = (phone: string) => phone.replace(/[^\d]/g, "");

/** Order-system stand-in speaking DESIGN §8, with the journey's customers and orders. */
export class OrdersStandIn extends LoopbackVendor<OrdersSpace> {
  protected emptySpace(): OrdersSpace {
    return { token: null, customers: [], orders: [] };
  }

  protected authorized(space: OrdersSpace, authorization: string | undefined): boolean {
    return space.token === null || authorization === `Bearer ${space.token}`;
  }

  protected load(space: OrdersSpace, data: unknown): void {
    const load = data as { token?: string; customers?: OrderCustomerData[]; orders?: OrderData[] };
    if (load.token) space.token = load.token;
    space.customers.push(...(load.customers ?? []));
    space.orders.push(...(load.orders ?? []));
  }

  protected snapshot(space: OrdersSpace): unknown {
    return { customers: space.customers.length, orders: space.orders.length };
  }

  protected routes(space: OrdersSpace): Route[] {
    return [
      {
        method: "GET",
        pattern: /^\/customers$/,
        handle: (_, { query }) => {
          const email = query.get("email")?.toLowerCase();
          const phone = query.get("phone");
          const name = query.get("name")?.toLowerCase();
          const zip = query.get("zip");
          const customers = space.customers.filter((c) =>
            email
              ? c.email.toLowerCase() === email
              : phone
                ? c.phones.some((p) => digits(p) === digits(phone))
                : name && zip
                  ? c.name.toLowerCase() === name && c.zip === zip
                  : false,
          );
          return json(200, { customers });
        },
      },
      {
        method: "GET",
        pattern: /^\/customers\/([^/]+)\/orders$/,
        handle: ([, id]) => {
          const customerId = decodeURIComponent(id!);
          if (!space.customers.some((c) => c.id === customerId))
            return json(404, { error: "not found" });
          return json(200, { orders: space.orders.filter((o) => o.customerId === customerId) });
        },
      },
      {
        method: "GET",
        pattern: /^\/orders\/([^/]+)$/,
        handle: ([, id]) => {
          // Ids match exactly as stored, '#' and case included, as a real order system's do.
          const orderId = decodeURIComponent(id!);
          const order = space.orders.find((o) => o.id === orderId);
          return order ? json(200, order) : json(404, { error: "not found" });
        },
      },
    ];
  }
}
