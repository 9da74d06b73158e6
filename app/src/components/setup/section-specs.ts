import type { SettingsSection, SetupHealth } from "../../api/setup-types";

/** One form's draft: every field as the text the admin typed (checkboxes as "true"/"false"). */
export type Draft = Record<string, string>;

export interface FieldSpec {
  name: string;
  kind: "text" | "url" | "number" | "secret" | "checkbox" | "select";
  options?: string[];
  /** Shown only for some choices (the order system's URL only when it is an HTTP one). */
  shownWhen?: (draft: Draft) => boolean;
  /** A store rule: empty means none (a person decides), and the form can clear one that is set. */
  clearable?: boolean;
  /** Says what the field takes, below its label (`setup.hints.<section>.<name>`). */
  hinted?: boolean;
}

export interface SectionSpec {
  section: SettingsSection;
  fields: FieldSpec[];
  /** The Worker's test call for this section, if it has one. */
  test?: "orders" | "ai";
  fromHealth(health: SetupHealth): Draft;
  /** The update body: the Worker validates it with the tenant settings' own schema. */
  toBody(draft: Draft): unknown;
}

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
/** A number when it reads as one; otherwise the text itself, so the Worker names the field. */
const numeric = (value: string | undefined): unknown =>
  value !== undefined && value.trim() !== "" && Number.isFinite(Number(value))
    ? Number(value)
    : value;
/** Secrets are sent only when typed: an empty field keeps the stored one. */
const secret = (name: string, value: string | undefined) => (value ? { [name]: value } : {});

const orders: SectionSpec = {
  section: "orders",
  test: "orders",
  fields: [
    { name: "kind", kind: "select", options: ["demo", "http"] },
    { name: "baseUrl", kind: "url", shownWhen: (d) => d.kind === "http" },
    { name: "token", kind: "secret", shownWhen: (d) => d.kind === "http" },
  ],
  fromHealth: ({ settings }) => ({
    kind: settings.orders && settings.orders.demo !== true ? "http" : "demo",
    baseUrl: text(settings.orders?.baseUrl),
    token: "",
  }),
  toBody: (d) =>
    d.kind === "http" ? { baseUrl: d.baseUrl ?? "", ...secret("token", d.token) } : { demo: true },
};

const ai: SectionSpec = {
  section: "ai",
  test: "ai",
  fields: [
    { name: "provider", kind: "select", options: ["rules", "workers-ai", "openai-compatible"] },
    { name: "model", kind: "text", shownWhen: (d) => d.provider !== "rules" },
    { name: "baseUrl", kind: "url", shownWhen: (d) => d.provider === "openai-compatible" },
    { name: "apiKey", kind: "secret", shownWhen: (d) => d.provider === "openai-compatible" },
  ],
  fromHealth: ({ settings }) => ({
    provider: text(settings.ai?.provider) || "rules",
    model: text(settings.ai?.model),
    baseUrl: text(settings.ai?.baseUrl),
    apiKey: "",
  }),
  toBody: (d) => {
    if (d.provider === "rules") return { provider: "rules" };
    if (d.provider === "workers-ai") return { provider: "workers-ai", model: d.model ?? "" };
    return {
      provider: d.provider,
      model: d.model ?? "",
      baseUrl: d.baseUrl ?? "",
      ...secret("apiKey", d.apiKey),
    };
  },
};

/** The store's rules that decide actions (issue 15): the order system outranks them where it knows. */
const STORE_RULES = ["returnWindowDays", "refundApprovalThreshold", "warrantyMonths"];

const policy: SectionSpec = {
  section: "policy",
  fields: [
    { name: "continuityWindowDays", kind: "number" },
    { name: "verificationTtlHours", kind: "number" },
    { name: "autoReply", kind: "checkbox" },
    { name: "defaultCountry", kind: "text" },
    ...STORE_RULES.map((name) => ({ name, kind: "number" as const, clearable: true })),
    { name: "openingHours", kind: "text", clearable: true },
  ],
  fromHealth: ({ settings }) => ({
    continuityWindowDays: text(settings.policy.continuityWindowDays),
    verificationTtlHours: text(settings.policy.verificationTtlHours),
    autoReply: String(settings.policy.autoReply === true),
    defaultCountry: text(settings.policy.defaultCountry),
    ...Object.fromEntries(STORE_RULES.map((name) => [name, text(settings.policy[name])])),
    openingHours: text(settings.policy.openingHours),
  }),
  toBody: (d) => ({
    continuityWindowDays: numeric(d.continuityWindowDays),
    verificationTtlHours: numeric(d.verificationTtlHours),
    autoReply: d.autoReply === "true",
    ...(d.defaultCountry ? { defaultCountry: d.defaultCountry } : {}),
    // A store rule left empty is sent as null, which clears it on the Worker: none is assumed,
    // and a person decides what it would have decided.
    ...Object.fromEntries(
      STORE_RULES.map((name) => [name, d[name]?.trim() ? numeric(d[name]) : null]),
    ),
    openingHours: d.openingHours?.trim() || null,
  }),
};

const RETENTION_FIELDS = [
  "messagesDays",
  "identifiersDays",
  "verificationDays",
  "artifactDays",
  "auditDays",
];

const retention: SectionSpec = {
  section: "retention",
  fields: RETENTION_FIELDS.map((name) => ({ name, kind: "number" as const })),
  fromHealth: ({ settings }) =>
    Object.fromEntries(RETENTION_FIELDS.map((name) => [name, text(settings.retention[name])])),
  toBody: (d) => Object.fromEntries(RETENTION_FIELDS.map((name) => [name, numeric(d[name])])),
};

/** The sites the tenant serves the web chat on, as the admin types them: spaces or commas between. */
const webChat: SectionSpec = {
  section: "webChat",
  fields: [{ name: "frameOrigins", kind: "text", hinted: true }],
  fromHealth: ({ settings }) => ({
    frameOrigins: Array.isArray(settings.webChat?.frameOrigins)
      ? settings.webChat.frameOrigins.join(" ")
      : "",
  }),
  toBody: (d) => ({
    frameOrigins: (d.frameOrigins ?? "").split(/[\s,]+/).filter((origin) => origin !== ""),
  }),
};

export const SECTIONS: SectionSpec[] = [orders, ai, policy, retention, webChat];
