import { OrdersStandIn } from "./orders";
import { SuncoStandIn } from "./sunco";
import { ZendeskStandIn } from "./zendesk";

export interface StandinUrls {
  zendesk: string;
  sunco: string;
  orders: string;
}

/** All three vendor stand-ins on loopback ports. */
export class Standins {
  readonly zendesk = new ZendeskStandIn();
  readonly sunco = new SuncoStandIn();
  readonly orders = new OrdersStandIn();

  async start(): Promise<StandinUrls> {
    const [zendesk, sunco, orders] = await Promise.all([
      this.zendesk.start(),
      this.sunco.start(),
      this.orders.start(),
    ]);
    return { zendesk, sunco, orders };
  }

  async stop(): Promise<void> {
    await Promise.all([this.zendesk.stop(), this.sunco.stop(), this.orders.stop()]);
  }
}
