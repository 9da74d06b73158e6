/** The floor: one D1 insert per POST, one primary-key select per GET. Nothing else. */
interface FloorEnv {
  DB: D1Database;
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      await env.DB.exec(
        "CREATE TABLE IF NOT EXISTS floor_rows (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID",
      );
      const from = Number(url.searchParams.get("from") ?? 0);
      const to = Number(url.searchParams.get("to") ?? 0);
      for (let start = from; start < to; start += 200) {
        const rows = [];
        for (let i = start; i < Math.min(to, start + 200); i++)
          rows.push(`('row-${i}', '${"x".repeat(300)}')`);
        await env.DB.exec(`INSERT OR IGNORE INTO floor_rows (id, body) VALUES ${rows.join(",")}`);
      }
      return Response.json({ ok: true });
    }
    if (request.method === "POST") {
      const body = await request.text();
      await env.DB.prepare("INSERT INTO floor_rows (id, body) VALUES (?1, ?2)")
        .bind(crypto.randomUUID(), body)
        .run();
      return Response.json({ ok: true }, { status: 202 });
    }
    const row = await env.DB.prepare("SELECT body FROM floor_rows WHERE id = ?1")
      .bind(url.searchParams.get("id") ?? "")
      .first<{ body: string }>();
    return Response.json({ body: row?.body ?? null });
  },
};
