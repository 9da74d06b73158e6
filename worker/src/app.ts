import { configureOpenApi } from "./lib/configure-open-api";
import { createApp } from "./lib/create-app";
import { accountRouters } from "./integrations/registry";
import { accountRecords } from "./tenancy/accounts";
import admin from "./routes/admin/tenants.index";
import context from "./routes/context/context.index";
import demoOrders from "./routes/demo/demo-orders.index";
import inbound from "./routes/inbound/inbound.index";
import threads from "./routes/threads/threads.index";
import sessions from "./routes/sessions/sessions.index";
import transfers from "./routes/transfers/transfers.index";
import chatMessages from "./routes/chat-messages/chat-messages.index";
import metrics from "./routes/metrics/metrics.index";
import governance from "./routes/governance/governance.index";
import setup from "./routes/setup/setup.index";
import chat from "./routes/chat/chat.index";

const app = createApp();
configureOpenApi(app);
app.get("/health", (c) => c.json({ ok: true }));
for (const router of [
  admin,
  governance,
  inbound,
  context,
  threads,
  sessions,
  transfers,
  chatMessages,
  metrics,
  setup,
  demoOrders,
  chat,
])
  app.route("/", router);
for (const router of accountRouters) app.route("/", router(accountRecords));

export default app;
