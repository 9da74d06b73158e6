import { ChatCompletionsStandIn } from "./chat-completions";
import { OrdersStandIn } from "./orders";
import { SuncoStandIn } from "./sunco";
import { ZendeskStandIn } from "./zendesk";

export interface StandinUrls {
  zendesk: string;
  sunco: string;
  orders: string;
  chat: string;
}

/** The vendor stand-ins on loopback ports: Zendesk, Sunshine Conversations, the order system, an LLM. */
export class Standins {
  readonly zendesk = new ZendeskStandIn();
  readonly sunco = new SuncoStandIn();
  readonly orders = new OrdersStandIn();
  readonly chat = new ChatCompletionsStandIn();

  /** `ports.zendesk` fixes the Zendesk stand-in's port (the Worker tests name it in a binding). */
  async start(ports: { zendesk?: number } = {}): Promise<StandinUrls> {
    const [zendesk, sunco, orders, chat] = await Promise.all([
      this.zendesk.start(ports.zendesk),
      this.sunco.start(),
      this.orders.start(),
      this.chat.start(),
    ]);
    return { zendesk, sunco, orders, chat };
  }

  async stop(): Promise<void> {
    await Promise.all([
      this.zendesk.stop(),
      this.sunco.stop(),
      this.orders.stop(),
      this.chat.stop(),
    ]);
  }
}

/**
 * The Worker's OAuth client in local runs: an account in the Zendesk stand-in knows it (the
 * preview loads it), and its secret is a stand-in's, good for nothing else.
 */
export const LOCAL_OAUTH_CLIENT = { id: "continuity_local", secret: "local-oauth-client-secret" };

/** Worker variables that point Connect at the Zendesk stand-in with the local OAuth client. */
export function localOAuthVars(urls: StandinUrls): Record<string, string> {
  return {
    ZENDESK_CLIENT_ID: LOCAL_OAUTH_CLIENT.id,
    ZENDESK_CLIENT_SECRET: LOCAL_OAUTH_CLIENT.secret,
    ZENDESK_ACCOUNT_URL: `${urls.zendesk}/s/{subdomain}`,
  };
}
