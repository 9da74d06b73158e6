/**
 * What the admin's consent window shows when the callback is done. The app learns the outcome by
 * polling its setup health (the window's opener is Zendesk's, on another origin), so the page
 * only says so and closes itself. Fixed text: nothing from the request is echoed but the
 * subdomain, which the state's signature vouches for and the route's pattern limits.
 */
const DONE = {
  connect: "Continuity is connected to",
  disconnect: "Continuity is disconnected from",
  admin_session: "You are signed in to Continuity's setup as an admin of",
} as const;

export function finishedPage(intent: keyof typeof DONE, subdomain: string): string {
  const what = `${DONE[intent]} ${subdomain}.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Continuity</title></head><body style="font-family:system-ui,sans-serif;padding:2rem"><p>${what}</p><p>You can close this window and go back to Zendesk.</p><script>setTimeout(function(){window.close()},1500)</script></body></html>`;
}
