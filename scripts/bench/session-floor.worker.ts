import { DurableObject } from "cloudflare:workers";

/**
 * The live-session floor: a bare Durable Object that accepts hibernatable WebSockets and, on a
 * POST, sends the body to every socket it holds. No token, no log, no presence: the least a
 * session can do to hold a connection and fan one message out.
 */
interface FloorEnv {
  ROOM: DurableObjectNamespace<FloorRoom>;
}

export class FloorRoom extends DurableObject<FloorEnv> {
  override async fetch(request: Request): Promise<Response> {
    if (request.method === "POST") {
      // The message carries when the object had it (workerd's clock reads the request's arrival).
      const message = `${await request.text()} ${Date.now()}`;
      for (const ws of this.ctx.getWebSockets()) ws.send(message);
      return new Response(null, { status: 204 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const room = new URL(request.url).searchParams.get("room");
    if (!room) return new Response("up");
    return env.ROOM.get(env.ROOM.idFromName(room)).fetch(request);
  },
};
