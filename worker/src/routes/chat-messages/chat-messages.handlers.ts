import { personMessage } from "../../chat/visitor-events";
import { firstName } from "../../domain/transfer";
import { chatPageConversation } from "../../domain/web-chat";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { takeInFromTheChatPage } from "../chat/take-in";
import { viewerThread } from "../threads/threads.handlers";
import type { WriteToChatRoute } from "./chat-messages.routes";

export const writeToChat: AppRouteHandler<WriteToChatRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const body = c.req.valid("json");
  const linked = await viewerThread(c, threadId, body);
  // Two voices answering at once confuse the customer: a person writes once they have it.
  if (linked.state.control !== "human")
    throw new ApiError(
      422,
      "ai_has_the_conversation",
      "The AI agent has this conversation: take it over before writing to the customer",
    );
  const conversation = chatPageConversation(linked.state);
  if (!conversation)
    throw new ApiError(
      422,
      "no_chat_page_conversation",
      "The customer has no conversation on the web chat page on this thread",
    );
  const taken = await takeInFromTheChatPage(
    c,
    c.get("tenant"),
    personMessage(conversation.sessionId, body.id, body.text, new Date().toISOString()),
    body.name ? firstName(body.name) : undefined,
  );
  return taken.accepted > 0 ? c.json(taken, 202) : c.json(taken, 200);
};
