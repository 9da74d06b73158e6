/**
 * `npm run tenant -- <command>`: the admin API from the command line.
 *
 *   create <subdomain>                 create a tenant; prints its id and app secret (shown once)
 *   settings <tenantId> [file.json|-]  show settings, or apply a partial update from a file or stdin
 *   rotate-secret <tenantId>           issue a new app secret; the old one stops working
 *   backlog <tenantId>                 queued and failed inbound events
 *
 * CONTINUITY_URL (default http://127.0.0.1:8787) and OPERATOR_TOKEN (default: .dev.vars) choose
 * the Worker.
 */
import { readFileSync } from "node:fs";
import { AdminClient } from "./lib/admin-client";
import { workerSecrets } from "./lib/local-env";

const USAGE =
  "usage: npm run tenant -- create <subdomain> | settings <tenantId> [file.json|-] | rotate-secret <tenantId> | backlog <tenantId>";

async function main() {
  const [command, target, file] = process.argv.slice(2);
  if (!command || !target) throw new Error(USAGE);
  const admin = new AdminClient(
    process.env.CONTINUITY_URL ?? "http://127.0.0.1:8787",
    process.env.OPERATOR_TOKEN ?? workerSecrets().OPERATOR_TOKEN,
  );
  switch (command) {
    case "create": {
      const { tenantId, appSecret } = await admin.createTenant(target);
      console.log(
        `tenant    ${tenantId}\napp secret ${appSecret}\n\nThe app secret is shown once. Paste it into the Continuity app's "App secret" setting in Zendesk.`,
      );
      return;
    }
    case "settings": {
      if (!file) {
        console.log(
          JSON.stringify(
            (await admin.call("GET", `/v1/admin/tenants/${target}/settings`)).body,
            null,
            2,
          ),
        );
        return;
      }
      const update = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8")) as unknown;
      console.log(JSON.stringify(await admin.putSettings(target, update), null, 2));
      return;
    }
    case "rotate-secret": {
      const answer = await admin.call<{ appSecret: string }>(
        "POST",
        `/v1/admin/tenants/${target}/app-secret`,
      );
      console.log(
        answer.status === 200
          ? `new app secret ${answer.body.appSecret}`
          : JSON.stringify(answer.body),
      );
      return;
    }
    case "backlog": {
      console.log(
        JSON.stringify(
          (await admin.call("GET", `/v1/admin/tenants/${target}/backlog`)).body,
          null,
          2,
        ),
      );
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
