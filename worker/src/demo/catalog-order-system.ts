import type { Order, OrderCustomer } from "../contracts/orders";
import type { OrderSystem } from "../connectors/orders";
import { normalizeEmail, normalizePhone } from "../domain/identifiers";
import type { OrderCatalog } from "./order-catalog";

/**
 * Answers DESIGN §8 queries from a catalog in memory. The embedded default uses it in-process
 * and `/demo/orders` serves it over HTTP. Matching follows what a real order system does:
 * emails case-insensitively, phones by their E.164 form, names case-insensitively with the zip,
 * order ids exactly as stored.
 */
export class CatalogOrderSystem implements OrderSystem {
  private readonly byEmail = new Map<string, OrderCustomer[]>();
  private readonly byPhone = new Map<string, OrderCustomer[]>();
  private readonly orders = new Map<string, Order>();

  constructor(private readonly catalog: OrderCatalog) {
    for (const customer of catalog.customers) {
      const email = normalizeEmail(customer.email);
      if (email) this.byEmail.set(email, [...(this.byEmail.get(email) ?? []), customer]);
      for (const raw of customer.phones) {
        const phone = normalizePhone(raw);
        if (phone) this.byPhone.set(phone, [...(this.byPhone.get(phone) ?? []), customer]);
      }
    }
    for (const order of catalog.orders) this.orders.set(order.id, order);
  }

  async customersByEmail(email: string) {
    return this.byEmail.get(normalizeEmail(email) ?? "") ?? [];
  }
  async customersByPhone(phone: string) {
    return this.byPhone.get(normalizePhone(phone) ?? "") ?? [];
  }
  async customersByNameZip(name: string, zip: string) {
    const wanted = name.trim().toLowerCase();
    const wantedZip = zip.replace(/\s+/g, "").toUpperCase();
    return this.catalog.customers.filter(
      (c) =>
        c.name.toLowerCase() === wanted && c.zip.replace(/\s+/g, "").toUpperCase() === wantedZip,
    );
  }
  async ordersOf(customerId: string) {
    return this.catalog.orders.filter((o) => o.customerId === customerId);
  }
  /** Exactly as stored, as a real order system matches ids: the connector tries the forms. */
  async order(orderId: string) {
    return this.orders.get(orderId) ?? null;
  }
}
