import type { WebChatLanguage } from "../domain/web-chat";
import { CHAT_STRINGS } from "./strings";

/**
 * What the page may load and who may frame it. Scripts, styles and connections only from the
 * Worker itself (no inline script, so an injected one does not run); framed by any https site
 * (the tenant's own pages embed it) and by the Worker, never over plain http.
 */
/**
 * The page's content policy. It may be framed by the sites its tenant lists, or, until the tenant
 * lists any, by any https site; never by a plain-http page.
 */
export function chatPagePolicy(frameOrigins: readonly string[]): string {
  const ancestors = frameOrigins.length > 0 ? frameOrigins.join(" ") : "https:";
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
    `base-uri 'none'; form-action 'none'; frame-ancestors 'self' ${ancestors}`
  );
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

/** The page, in the visitor's language; its script reads the tenant and words from the markup. */
export function chatPage(tenantId: string, language: WebChatLanguage): string {
  const s = CHAT_STRINGS[language];
  // JSON inside a non-executed script element: `<` is escaped so it can never close the element.
  const words = JSON.stringify(s).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(s.title)}</title>
<link rel="stylesheet" href="/chat/assets/chat.css">
<script type="application/json" id="chat-strings">${words}</script>
<script src="/chat/assets/chat.js" defer></script>
</head>
<body>
<main id="chat" data-tenant="${escapeHtml(tenantId)}">
  <h1>${escapeHtml(s.title)}</h1>
  <p class="intro">${escapeHtml(s.intro)}</p>
  <p id="status" class="status" role="status">${escapeHtml(s.connecting)}</p>
  <section aria-labelledby="present-heading" class="present">
    <h2 id="present-heading">${escapeHtml(s.present)}</h2>
    <ul id="present"></ul>
  </section>
  <section aria-labelledby="log-heading">
    <h2 id="log-heading" class="visually-hidden">${escapeHtml(s.conversation)}</h2>
    <ol id="log" class="log" aria-live="polite" aria-relevant="additions" data-testid="chat-log"></ol>
  </section>
  <form id="compose" class="compose" autocomplete="off">
    <label for="message">${escapeHtml(s.composeLabel)}</label>
    <div class="row">
      <textarea id="message" name="message" rows="2" maxlength="4000" required placeholder="${escapeHtml(s.composePlaceholder)}"></textarea>
      <button type="submit">${escapeHtml(s.send)}</button>
    </div>
  </form>
  <button type="button" id="restart" class="restart">${escapeHtml(s.newConversation)}</button>
</main>
</body>
</html>
`;
}

export const CHAT_STYLES = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #2f3941; }
body { margin: 0; background: #f8f9f9; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; display: flex; flex-direction: column; gap: .75rem; min-height: 100vh; box-sizing: border-box; }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: .875rem; margin: 0; }
.intro, .status { margin: 0; font-size: .875rem; color: #68737d; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.present ul { list-style: none; margin: .25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; font-size: .8125rem; }
.present li { background: #e9ebed; border-radius: 1rem; padding: .125rem .625rem; }
.log { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; flex: 1; }
.log li { max-width: 85%; padding: .5rem .75rem; border-radius: .75rem; background: #fff; border: 1px solid #d8dcde; white-space: pre-wrap; overflow-wrap: anywhere; }
.log li.mine { align-self: flex-end; background: #1f73b7; color: #fff; border-color: #1f73b7; }
.log li.pending { opacity: .7; }
.log .who { display: block; font-size: .75rem; font-weight: 600; margin-bottom: .125rem; }
.compose label { display: block; font-size: .875rem; font-weight: 600; margin-bottom: .25rem; }
.compose .row { display: flex; gap: .5rem; }
.compose textarea { flex: 1; font: inherit; padding: .5rem; border: 1px solid #87929d; border-radius: .25rem; }
button { font: inherit; padding: .5rem 1rem; border-radius: .25rem; border: 1px solid #1f73b7; background: #1f73b7; color: #fff; cursor: pointer; }
button.restart { align-self: flex-start; background: transparent; color: #1f73b7; border-color: transparent; padding: 0; font-size: .8125rem; }
:focus-visible { outline: 2px solid #1f73b7; outline-offset: 2px; }
`;
