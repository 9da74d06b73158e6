import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { AdminClient } from "../../scripts/lib/admin-client";
import { ROOT } from "../../scripts/lib/local-env";
import type { StandinUrls } from "../../scripts/standins/index";
import { bundleBrowserCode } from "./client-bundle";
import type { DemoJourney } from "./demo-journey";
import { DemoPlayer } from "./demo-player";
import {
  connectSession,
  followInstallation,
  PREVIEW_ADMIN,
  PREVIEW_INSTALLATION_ID,
  type DemoSession,
  type TenantSource,
} from "./demo-session";
import { installation, locationUrl, readManifest, visibleSettings } from "./installation";
import { readTickets } from "./workspace";
import type { AgentView, WorkspaceView } from "./workspace-view";
import { performProxyRequest, prepareProxyRequest } from "./zaf-proxy";

export interface PreviewOptions {
  workerUrl: string;
  operatorToken: string;
  standins: StandinUrls;
  tenants: TenantSource;
  demo: DemoJourney;
  /** The built app package folder: its `assets/` are served on the app's own origin. */
  appDir: string;
  /** The workspace page's port (0: any free port). The app gets a port of its own. */
  port?: number;
  appPort?: number;
  /** Who the workspace is signed in as; by default the admin who connected it (a supervisor). */
  user?: { id: number; name: string; email: string; role: "admin" | "agent" };
}

export interface Preview {
  /** The workspace page: open this. */
  url: string;
  /** The app's origin (a different port, so a different origin, as in Zendesk). */
  appOrigin: string;
  session: () => DemoSession;
  player: () => DemoPlayer;
  stop: () => Promise<void>;
}

const CLIENT_DIR = path.join(import.meta.dirname, "client");
const MAX_REQUEST_BODY = 1_100_000;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".map": "application/json; charset=utf-8",
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { error: { code, message } });
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json"))
    throw new HttpError(
      415,
      "unsupported_media_type",
      "send JSON (content-type: application/json)",
    );
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BODY)
      throw new HttpError(413, "body_too_large", "the body is too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, "invalid_json", "the body is not JSON");
  }
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Serve a file below `dir`, refusing anything that resolves outside it. */
function sendFile(res: ServerResponse, dir: string, relative: string): boolean {
  const file = path.resolve(dir, `.${path.posix.normalize(`/${relative}`)}`);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  res.end(readFileSync(file));
  return true;
}

/**
 * The local preview: a page that looks like a Support agent workspace, hosting the built app in
 * iframes on another origin and answering the ZAF SDK the way Support does. `client.request`
 * comes here and is made server-side, with secure settings filled in, so the app secret never
 * reaches the browser.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const admin = new AdminClient(options.workerUrl, options.operatorToken);
  const manifest = readManifest();
  const bundle = await bundleBrowserCode(
    { host: path.join(CLIENT_DIR, "host-page.ts") },
    CLIENT_DIR,
  );
  const agent: AgentView = {
    ...(options.user ?? {
      id: Number(PREVIEW_ADMIN.id),
      name: PREVIEW_ADMIN.name,
      email: "sam.rivera@example.com",
      role: "admin",
    }),
    locale: "en-US",
  };

  let session = await connectSession(
    admin,
    await options.tenants.load(),
    options.standins,
    options.demo,
  );
  // The stand-ins start empty on every run, so a tenant that already played the demo (an earlier
  // `npm start`) would show threads without their tickets: start that one over.
  const first = options.demo.tickets[0]?.id;
  if (first) {
    const known = await fetch(`${options.workerUrl}/v1/tickets/${first}/context`, {
      headers: { authorization: `Bearer ${session.tenant.appSecret}` },
    });
    // A tenant an earlier run connected holds tokens that died with that run's stand-in.
    if (known.status === 200 || session.wasConnected)
      session = await connectSession(
        admin,
        await options.tenants.renew(),
        options.standins,
        options.demo,
      );
  }
  const target = {
    workerUrl: options.workerUrl,
    operatorToken: options.operatorToken,
    standins: options.standins,
  };
  let player = new DemoPlayer(options.demo, target, session);

  const appServer = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://preview");
    if (req.method !== "GET" || !url.pathname.startsWith("/assets/"))
      return sendError(res, 404, "not_found", "the app origin serves only /assets/");
    if (!sendFile(res, options.appDir, url.pathname.slice(1)))
      sendError(res, 404, "not_found", `no ${url.pathname} in the built app`);
  });
  const appPort = await listen(appServer, options.appPort ?? 0);
  const appOrigin = `http://127.0.0.1:${appPort}`;

  const hostServer = createServer();
  const hostPort = await listen(hostServer, options.port ?? 0);
  const hostOrigin = `http://127.0.0.1:${hostPort}`;

  // The installation's settings are Zendesk's (the stand-in's): Connect writes the app secret
  // there, and the session follows it so the demo's deliveries are signed as the account's are.
  const settingsFor = async (s: DemoSession) => {
    const followed = await followInstallation(s, options.standins);
    if (followed.changed) await options.tenants.keep?.(s.tenant);
    return installation(manifest, {
      workerUrl: options.workerUrl,
      appSecret: followed.settings.appSecret ?? s.tenant.appSecret,
    });
  };

  const workspace = async (): Promise<WorkspaceView> => {
    const settings = await settingsFor(session);
    const sidebar = locationUrl(manifest, "ticket_sidebar");
    const navBar = locationUrl(manifest, "nav_bar");
    return {
      account: { subdomain: session.subdomain },
      tenantId: session.tenant.tenantId,
      workerUrl: options.workerUrl,
      agent,
      app: {
        appId: 1,
        installationId: PREVIEW_INSTALLATION_ID,
        name: manifest.name,
        version: manifest.version,
        origin: appOrigin,
        locations: {
          ...(sidebar && { ticket_sidebar: `${appOrigin}/${sidebar}` }),
          ...(navBar && { nav_bar: `${appOrigin}/${navBar}` }),
        },
        settings: visibleSettings(manifest, settings),
        navBarIcon: existsSync(path.join(ROOT, "assets", "icon_nav_bar.svg"))
          ? "/app-icon.svg"
          : null,
      },
      customer: options.demo.customer,
      tickets: await readTickets(options.standins.zendesk, session.space, options.demo, agent),
      chapters: player.chapters(),
    };
  };

  const api = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    // Writes come only from the workspace page itself: a JSON body (which a cross-site form
    // cannot send) and, when the browser names one, this origin.
    if (req.method === "POST") {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== hostOrigin)
        throw new HttpError(403, "foreign_origin", "requests must come from the preview page");
    }
    if (pathname === "/api/workspace" && req.method === "GET")
      return sendJson(res, 200, await workspace());
    if (pathname === "/api/journey/next" && req.method === "POST") {
      await readJsonBody(req);
      if (player.finished)
        throw new HttpError(
          409,
          "journey_finished",
          "the demo journey has been played; start over",
        );
      await settingsFor(session);
      const chapter = await player.playNext();
      return sendJson(res, 200, { chapter, workspace: await workspace() });
    }
    if (pathname === "/api/journey/reset" && req.method === "POST") {
      await readJsonBody(req);
      session = await connectSession(
        admin,
        await options.tenants.renew(),
        options.standins,
        options.demo,
      );
      player = new DemoPlayer(options.demo, target, session);
      return sendJson(res, 200, { workspace: await workspace() });
    }
    if (pathname === "/api/zaf/request" && req.method === "POST") {
      const body = (await readJsonBody(req)) as { options?: unknown };
      const { email, apiToken, baseUrl } = session.zendesk;
      const prepared = prepareProxyRequest(body?.options, await settingsFor(session), {
        allowedOrigins: [new URL(options.workerUrl).origin],
        zendeskApi: {
          baseUrl,
          authorization: `Basic ${Buffer.from(`${email}/token:${apiToken}`).toString("base64")}`,
        },
      });
      if (!prepared.ok) return sendError(res, prepared.status, prepared.code, prepared.message);
      return sendJson(res, 200, await performProxyRequest(prepared));
    }
    throw new HttpError(404, "not_found", `no ${req.method} ${pathname}`);
  };

  hostServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://preview");
    const handle = async () => {
      if (url.pathname.startsWith("/api/")) return api(req, res, url.pathname);
      if (req.method !== "GET") throw new HttpError(405, "method_not_allowed", "GET only");
      if (url.pathname === "/" || url.pathname === "/index.html")
        return sendFile(res, path.dirname(CLIENT_DIR), "index.html");
      if (url.pathname === "/host.css") return sendFile(res, CLIENT_DIR, "workspace.css");
      if (url.pathname === "/favicon.ico") return res.writeHead(204).end();
      if (
        url.pathname === "/app-icon.svg" &&
        sendFile(res, path.join(ROOT, "assets"), "icon_nav_bar.svg")
      )
        return;
      const script = bundle.get(url.pathname.slice(1));
      if (script !== undefined) {
        res.writeHead(200, { "content-type": TYPES[".js"]!, "cache-control": "no-store" });
        return res.end(script);
      }
      throw new HttpError(404, "not_found", `no ${url.pathname}`);
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError)
        return sendError(res, error.status, error.code, error.message);
      sendError(res, 500, "preview_failed", (error as Error).message);
    });
  });

  return {
    url: `${hostOrigin}/`,
    appOrigin,
    session: () => session,
    player: () => player,
    stop: async () => {
      for (const server of [hostServer, appServer]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
