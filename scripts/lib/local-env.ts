import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Wrangler makes no outbound calls: no metrics, no cf fetch, config kept inside the project. */
export function offlineWranglerEnv(): NodeJS.ProcessEnv {
  const config = path.join(ROOT, ".config");
  mkdirSync(config, { recursive: true });
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_HIDE_BANNER: "true",
    XDG_CONFIG_HOME: config,
    CI: "true",
  };
}

export interface WorkerSecrets {
  OPERATOR_TOKEN: string;
  SECRETS_KEY: string;
}

export function randomSecrets(): WorkerSecrets {
  return {
    OPERATOR_TOKEN: randomBytes(24).toString("base64url"),
    SECRETS_KEY: randomBytes(32).toString("base64"),
  };
}

function parseVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/);
    if (match) vars[match[1]!] = match[2]!;
  }
  return vars;
}

/** `.dev.vars` holds the local Worker secrets; the first run creates it with random values. */
export function ensureDevVars(): WorkerSecrets {
  const file = path.join(ROOT, ".dev.vars");
  const existing = existsSync(file) ? parseVars(readFileSync(file, "utf8")) : {};
  if (existing.OPERATOR_TOKEN && existing.SECRETS_KEY)
    return { OPERATOR_TOKEN: existing.OPERATOR_TOKEN, SECRETS_KEY: existing.SECRETS_KEY };
  const secrets = { ...randomSecrets(), ...existing } as WorkerSecrets;
  writeFileSync(
    file,
    `# Local Worker secrets, created by npm start. Never commit this file.\nOPERATOR_TOKEN="${secrets.OPERATOR_TOKEN}"\nSECRETS_KEY="${secrets.SECRETS_KEY}"\n`,
    { mode: 0o600 },
  );
  return secrets;
}

/** Secrets from the environment when both are set (acceptance suites), else from `.dev.vars`. */
export function workerSecrets(): WorkerSecrets {
  const { OPERATOR_TOKEN, SECRETS_KEY } = process.env;
  return OPERATOR_TOKEN && SECRETS_KEY ? { OPERATOR_TOKEN, SECRETS_KEY } : ensureDevVars();
}

export function argValue(args: string[], name: string): string | undefined {
  const inline = args.find((a) => a.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
