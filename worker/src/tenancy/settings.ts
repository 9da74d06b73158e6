import { SECRET_FIELDS, type TenantSettingsUpdate } from "../contracts/tenant-settings";

type Section = keyof TenantSettingsUpdate;
type Bag = Record<string, unknown>;
export type StoredSettings = Partial<Record<Section, Bag>>;

export interface SplitSettings {
  /** Everything but credentials: safe to answer and to read on every request. */
  visible: StoredSettings;
  /** Credentials only: sealed at rest. */
  secrets: StoredSettings;
}

const SECTIONS: Section[] = [
  "zendesk",
  "sunco",
  "orders",
  "ai",
  "policy",
  "retention",
  "rollout",
  "webChat",
];
/** Sections that are one of several shapes: an update replaces them instead of merging. */
const REPLACED: Section[] = ["orders", "ai"];

function secretNames(section: Section): readonly string[] {
  return (SECRET_FIELDS as Record<string, readonly string[]>)[section] ?? [];
}

function kindOf(section: Section, bag: Bag | undefined): string | undefined {
  if (!bag) return undefined;
  if (section === "orders") return bag.demo === true ? "demo" : `http:${String(bag.baseUrl)}`;
  if (section === "ai") return String(bag.provider);
  return undefined;
}

/**
 * Apply a partial update. Omitted credentials are kept unless the section changed what it talks
 * to; a field given as null is removed.
 */
export function mergeSettings(current: SplitSettings, update: TenantSettingsUpdate): SplitSettings {
  const visible: StoredSettings = structuredClone(current.visible);
  const secrets: StoredSettings = structuredClone(current.secrets);
  for (const section of SECTIONS) {
    const incoming = update[section] as Bag | undefined;
    if (!incoming) continue;
    const names = secretNames(section);
    const shown = Object.fromEntries(Object.entries(incoming).filter(([k]) => !names.includes(k)));
    const hidden = Object.fromEntries(Object.entries(incoming).filter(([k]) => names.includes(k)));
    if (REPLACED.includes(section)) {
      const sameKind = kindOf(section, visible[section]) === kindOf(section, shown);
      visible[section] = shown;
      secrets[section] = { ...(sameKind ? secrets[section] : {}), ...hidden };
    } else {
      // A field sent as null is cleared (a policy back to "none"), not stored as null.
      visible[section] = Object.fromEntries(
        Object.entries({ ...visible[section], ...shown }).filter(([, value]) => value !== null),
      );
      secrets[section] = { ...secrets[section], ...hidden };
    }
    if (Object.keys(secrets[section] ?? {}).length === 0) delete secrets[section];
  }
  return { visible, secrets };
}

export function configuredSecrets(secrets: StoredSettings): string[] {
  return Object.entries(secrets)
    .flatMap(([section, bag]) => Object.keys(bag ?? {}).map((name) => `${section}.${name}`))
    .sort();
}
