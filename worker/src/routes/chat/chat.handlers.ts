import type { Context } from "hono";
import { chatLanguage, newChatSessionId, visitorLabel } from "../../domain/web-chat";
import { CHAT_STYLES, chatPage, chatPagePolicy } from "../../chat/page";
import { CHAT_SCRIPT } from "../../chat/script";
import { visitorIdentified, visitorMessage } from "../../chat/visitor-events";
import { holdBackVisitor, visitorAddress } from "../../chat/visitor-limits";
import { ApiError } from "../../lib/problem";
import type { AppBindings, AppRouteHandler } from "../../lib/types";
import { CHAT_TOKEN_TTL_MS, signChatToken, verifyChatToken } from "../../security/chat-token";
import { verifyCustomerToken, type CustomerTokenPayload } from "../../security/customer-token";
import { randomToken } from "../../security/encoding";
import { SESSION_TOKEN_TTL_MS, signSessionToken } from "../../security/session-token";
import { findLinkedThreads } from "../../store/threads";
import { loadTenant, type LoadedTenant } from "../../tenancy/tenants";
import { takeInFromTheChatPage } from "./take-in";
import type {
  IdentifyRoute,
  IssueChatTokenRoute,
  OpenSessionRoute,
  PageRoute,
  ScriptRoute,
  SendMessageRoute,
  StylesRoute,
} from "./chat.routes";

async function chatTenant(c: Context<AppBindings>, tenantId: string): Promise<LoadedTenant> {
  const tenant = await loadTenant(c.env, tenantId);
  if (!tenant) throw new ApiError(404, "no_web_chat", `No web chat for tenant ${tenantId}`);
  c.set("tenant", tenant);
  return tenant;
}

const NO_CREDENTIAL = "Send the chat credential as 'Authorization: Bearer <chatToken>'";

/** The visitor's own session, from the credential the Worker gave them; never from the body. */
async function visitor(c: Context<AppBindings>, tenantId: string) {
  const header = c.req.header("authorization");
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!token) throw new ApiError(401, "no_chat_credential", NO_CREDENTIAL);
  const checked = await verifyChatToken(c.env.SECRETS_KEY, token, Date.now());
  if (!checked.ok)
    throw checked.reason === "expired"
      ? new ApiError(401, "chat_credential_expired", "The chat has expired: start a new one")
      : new ApiError(401, "invalid_chat_credential", "The chat credential is not one we issued");
  if (checked.payload.tenant !== tenantId)
    throw new ApiError(403, "wrong_tenant", "The chat credential is for another tenant");
  const tenant = await chatTenant(c, tenantId);
  return { tenant, sessionId: checked.payload.session };
}

const CUSTOMER_TOKEN_REFUSED = {
  malformed: "The customer token is not base64url(JSON).hex(HMAC) with the documented payload",
  bad_signature: "The customer token is not signed with this tenant's app secret",
  wrong_tenant: "The customer token names another tenant",
  expired: "The customer token has expired: ask the site for a new one",
  too_long: "The customer token lives longer than ten minutes",
} as const;

async function customerFrom(tenant: LoadedTenant, token: string): Promise<CustomerTokenPayload> {
  const checked = await verifyCustomerToken(tenant.signingKey, tenant.config.id, token, Date.now());
  if (!checked.ok)
    throw new ApiError(401, "invalid_customer_token", CUSTOMER_TOKEN_REFUSED[checked.reason]);
  return checked.payload;
}

async function identifyAs(
  c: Context<AppBindings>,
  tenant: LoadedTenant,
  sessionId: string,
  customer: CustomerTokenPayload,
) {
  const taken = await takeInFromTheChatPage(
    c,
    tenant,
    visitorIdentified(sessionId, customer.jti, customer.contact, new Date().toISOString()),
  );
  if (taken.accepted === 0)
    throw new ApiError(409, "customer_token_used", "This customer token was used already");
}

export const page: AppRouteHandler<PageRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const tenant = await chatTenant(c, tenantId);
  const language = chatLanguage(c.req.valid("query").lang, c.req.header("accept-language"));
  c.header("content-security-policy", chatPagePolicy(tenant.config.webChat.frameOrigins));
  c.header("referrer-policy", "no-referrer");
  c.header("x-content-type-options", "nosniff");
  c.header("cache-control", "no-store");
  return c.html(chatPage(tenantId, language), 200);
};

export const script: AppRouteHandler<ScriptRoute> = (c) => {
  c.header("x-content-type-options", "nosniff");
  return c.body(CHAT_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" }) as never;
};

export const styles: AppRouteHandler<StylesRoute> = (c) => {
  c.header("x-content-type-options", "nosniff");
  return c.body(CHAT_STYLES, 200, { "content-type": "text/css; charset=utf-8" }) as never;
};

export const openSession: AppRouteHandler<OpenSessionRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const { customerToken } = c.req.valid("json");
  const tenant = await chatTenant(c, tenantId);
  const address = visitorAddress(c.req.header("cf-connecting-ip"));
  await holdBackVisitor(c.env.CHAT_OPENINGS, "openings", tenantId, address);
  // The customer token is checked before anything exists, so a refused one leaves nothing.
  const customer = customerToken ? await customerFrom(tenant, customerToken) : null;
  const sessionId = newChatSessionId(randomToken(18));
  if (customer) await identifyAs(c, tenant, sessionId, customer);
  const exp = Date.now() + CHAT_TOKEN_TTL_MS;
  const chatToken = await signChatToken(c.env.SECRETS_KEY, {
    v: 1,
    tenant: tenantId,
    session: sessionId,
    exp,
  });
  return c.json(
    { chatToken, sessionId, expiresAt: new Date(exp).toISOString(), identified: Boolean(customer) },
    201,
  );
};

export const identify: AppRouteHandler<IdentifyRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const { tenant, sessionId } = await visitor(c, tenantId);
  const customer = await customerFrom(tenant, c.req.valid("json").customerToken);
  await identifyAs(c, tenant, sessionId, customer);
  return c.json({ identified: true as const }, 200);
};

export const sendMessage: AppRouteHandler<SendMessageRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const { tenant, sessionId } = await visitor(c, tenantId);
  await holdBackVisitor(c.env.CHAT_MESSAGES, "messages", tenantId, sessionId);
  const { id, text } = c.req.valid("json");
  const taken = await takeInFromTheChatPage(
    c,
    tenant,
    visitorMessage(sessionId, id, text, new Date().toISOString()),
  );
  return taken.accepted > 0 ? c.json(taken, 202) : c.json(taken, 200);
};

export const issueToken: AppRouteHandler<IssueChatTokenRoute> = async (c) => {
  const { tenantId } = c.req.valid("param");
  const { sessionId } = await visitor(c, tenantId);
  const [found] = await findLinkedThreads(c.env.DB, tenantId, [{ kind: "session", id: sessionId }]);
  // Not an error: a new visitor's page asks before its first message has reached a thread.
  if (!found?.contactId) return c.json({ ready: false as const, retryAfterMs: 500 }, 202);
  const exp = Date.now() + SESSION_TOKEN_TTL_MS;
  // The visitor attends as their session's contact: `visibleTo` shows them only what is theirs.
  const token = await signSessionToken(c.env.SECRETS_KEY, {
    v: 1,
    tenant: tenantId,
    thread: found.threadId,
    role: "customer",
    participant: found.contactId,
    contact: found.contactId,
    label: visitorLabel(c.req.valid("json").device),
    exp,
  });
  return c.json(
    {
      token,
      expiresAt: new Date(exp).toISOString(),
      threadId: found.threadId,
      attach: `/v1/threads/${found.threadId}/session`,
      head: found.version,
    },
    201,
  );
};
