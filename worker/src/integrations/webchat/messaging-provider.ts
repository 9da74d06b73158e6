import type { MessagingProvider } from "../ports";

/**
 * The Worker's own web chat page as a messaging provider. A reply is delivered by being in the
 * thread's log: the visitor's live session sends it to the page, in order, from the offset the
 * page last saw. So the outbox has nothing to carry, and there is no separate workspace to pass
 * the conversation to: a person picks it up in the sidebar.
 */
export function webChatMessagingProvider(): MessagingProvider {
  return {
    messageHeld: () => Promise.resolve(null),
    postMessage: () => Promise.resolve({ kind: "done", remoteId: null }),
    passControl: () => Promise.resolve({ kind: "done", remoteId: null }),
    releaseControl: () => Promise.resolve({ kind: "done", remoteId: null }),
  };
}
