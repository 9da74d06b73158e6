/**
 * The web chat page's script, served as a file (the page's policy runs no inline script). Plain
 * browser JavaScript with no build step: the page is small, and a framework would be most of it.
 *
 * What it keeps in the browser's storage is the chat credential alone, never the conversation:
 * after a reload it replays the conversation from the live session. After a dropped connection
 * it attaches again from the last offset it was sent, so nothing is missed and nothing shown
 * twice. Each message has its own id, kept until the Worker has it: sending again after a lost
 * answer is the same message, which the channel's dedupe makes a no-op.
 */
export const CHAT_SCRIPT = String.raw`(function () {
  "use strict";
  var root = document.getElementById("chat");
  var S = JSON.parse(document.getElementById("chat-strings").textContent);
  var tenant = root.getAttribute("data-tenant");
  var api = "/v1/chat/" + encodeURIComponent(tenant);
  var storeKey = "continuity.chat." + tenant;
  var log = document.getElementById("log");
  var statusLine = document.getElementById("status");
  var presentList = document.getElementById("present");
  var form = document.getElementById("compose");
  var input = document.getElementById("message");
  var session = null;
  var offset = 0;
  var socket = null;
  var connecting = false;
  var retryMs = 500;
  var pending = [];
  var device = deviceName();
  var roles = { customer: S.roleCustomer, agent: S.roleAgent, supervisor: S.roleSupervisor, ai: S.roleAi };

  function deviceName() {
    var ua = navigator.userAgent;
    var browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "browser";
    var os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac OS X/.test(ua) ? "macOS" : /Windows/.test(ua) ? "Windows" : /Linux/.test(ua) ? "Linux" : "";
    return os ? browser + " on " + os : browser;
  }
  function say(text) { statusLine.textContent = text; }
  function stored() {
    try {
      var s = JSON.parse(localStorage.getItem(storeKey) || "null");
      return s && s.chatToken && Date.parse(s.expiresAt) > Date.now() + 60000 ? s : null;
    } catch (e) { return null; }
  }
  function keep(s) {
    try { if (s) localStorage.setItem(storeKey, JSON.stringify(s)); else localStorage.removeItem(storeKey); } catch (e) { /* storage off: this tab only */ }
  }
  function post(path, body, withCredential) {
    var headers = { "content-type": "application/json" };
    if (withCredential) headers.authorization = "Bearer " + session.chatToken;
    return fetch(api + path, { method: "POST", headers: headers, body: JSON.stringify(body || {}) }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; });
    });
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  // A token from the tenant's site arrives in the fragment, which no server sees; it is taken
  // out of the address at once and opens one session once.
  function takeCustomerToken() {
    var hash = new URLSearchParams(location.hash.slice(1));
    var token = hash.get("customer-token");
    if (token) history.replaceState(null, "", location.pathname + location.search);
    return token;
  }
  function open(customerToken) {
    var body = { device: device };
    if (customerToken) body.customerToken = customerToken;
    return post("/sessions", body, false).then(function (r) {
      session = r.status === 201 ? { chatToken: r.body.chatToken, sessionId: r.body.sessionId, expiresAt: r.body.expiresAt } : null;
      keep(session);
      return r;
    });
  }
  function start() {
    var customerToken = takeCustomerToken();
    session = stored();
    var ready;
    if (session && customerToken)
      ready = post("/sessions/identity", { customerToken: customerToken }, true).then(function (r) {
        return r.status === 401 ? open(customerToken) : r;
      });
    else if (session) ready = Promise.resolve();
    else ready = open(customerToken);
    ready.then(function () { if (session) attach(); else say(S.unavailable); }, function () { say(S.unavailable); });
  }
  function attach() {
    if (socket || connecting || !session) return;
    connecting = true;
    post("/session-tokens", { device: device }, true).then(function (r) {
      connecting = false;
      if (r.status === 401) { restart(); return; }
      // No thread until the first message has been taken in: attach once it has.
      if (r.status === 202) { say(S.connected); if (pending.length > 0) setTimeout(attach, r.body.retryAfterMs || 500); return; }
      if (r.status !== 201) { again(); return; }
      var url = new URL(r.body.attach, location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      url.searchParams.set("token", r.body.token);
      url.searchParams.set("after", String(offset));
      var ws = new WebSocket(url.toString());
      socket = ws;
      ws.onopen = function () { retryMs = 500; say(S.connected); };
      ws.onmessage = function (e) { receive(JSON.parse(e.data)); };
      ws.onclose = function () { if (socket === ws) { socket = null; again(); } };
    }, function () { connecting = false; again(); });
  }
  function again() {
    say(S.reconnecting);
    var wait = retryMs;
    retryMs = Math.min(retryMs * 2, 30000);
    setTimeout(attach, wait);
  }
  function line(kind, who, text) {
    var li = document.createElement("li");
    li.className = kind;
    var name = document.createElement("span");
    name.className = "who";
    name.textContent = who;
    li.appendChild(name);
    li.appendChild(document.createTextNode(text));
    return li;
  }
  function receive(m) {
    if (m.type === "presence") return showPresence(m.participants);
    // The visitor proved who they are: their conversation comes again from the start, earlier
    // visits included. Messages still on their way stay where they are.
    if (m.type === "replay") {
      Array.prototype.slice.call(log.children).forEach(function (li) { if (!li.classList.contains("pending")) li.remove(); });
      offset = 0;
      return;
    }
    if (m.type !== "event" || m.offset <= offset) return;
    offset = m.offset;
    var e = m.event;
    if (e.type === "message.received" && e.author !== "customer") {
      var said = line("theirs", e.writer || S.person, e.text);
      said.setAttribute("data-author", "person");
      log.appendChild(said);
    } else if (e.type === "message.received") {
      var mine = pending.shift();
      if (mine) mine.li.remove();
      var li = line("mine", S.you, e.text);
      li.setAttribute("data-author", "customer");
      log.appendChild(li);
    } else if (e.type === "agent.replied") {
      var reply = line("theirs", S.assistant, e.text);
      reply.setAttribute("data-author", "support");
      log.appendChild(reply);
    }
  }
  function showPresence(participants) {
    presentList.textContent = "";
    participants.forEach(function (p) {
      var li = document.createElement("li");
      li.textContent = p.role === "customer" ? S.you + " (" + p.label + ")" : (roles[p.role] || p.role);
      presentList.appendChild(li);
    });
  }
  function deliver(item) {
    post("/messages", { id: item.id, text: item.text }, true).then(function (r) {
      if (r.status === 202 || r.status === 200) { item.li.classList.remove("failed"); attach(); return; }
      if (r.status >= 400 && r.status < 500 && r.status !== 429) {
        item.li.lastChild.textContent = item.text + " — " + (r.body.error && r.body.error.message ? r.body.error.message : S.notSent);
        return;
      }
      retry(item);
    }, function () { retry(item); });
  }
  function retry(item) {
    item.li.classList.add("failed");
    item.li.setAttribute("title", S.notSent);
    setTimeout(function () { deliver(item); }, 2000);
  }
  function restart() {
    keep(null);
    if (socket) { var ws = socket; socket = null; ws.close(); }
    location.reload();
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || !session) return;
    input.value = "";
    var item = { id: newId(), text: text, li: line("mine pending", S.you, text) };
    log.appendChild(item.li);
    pending.push(item);
    deliver(item);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  document.getElementById("restart").addEventListener("click", restart);
  start();
})();
`;
