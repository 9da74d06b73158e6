import type { OrderSystem } from "../connectors/orders";
import type { PhoneSearch } from "../domain/language/contact-details";
import type { ChannelEvent } from "../domain/channel-event";
import {
  normalizeIdentifier,
  type NormalizedIdentifier,
  type RawIdentifier,
} from "../domain/identifiers";
import type { Signal, SignalKind } from "../domain/identity-level";
import { identityHash } from "../security/identity-hash";
import { agentLinkedOwners, type IdentityRow } from "../store/identities";
import type { GroundedReferences } from "./grounding";

export interface Evidence {
  /** Everything the contact told us about who they are, hashed, with owners from systems of record. */
  signals: Signal[];
  /** Orders the contact refers to. */
  orderIds: string[];
  /** Customers seen in the answers, to keep as rows. */
  customers: { id: string; tier?: string }[];
  /** Identifier ownership the systems of record confirmed. */
  identities: IdentityRow[];
  /** Contact details and a name+zip the customer's words gave, for the slots. */
  said: Pick<GroundedReferences, "emails" | "phones"> & {
    nameZip: { name: string; zip: string } | null;
  };
  /** The search the words were grounded with: the stored transcript is masked from it. */
  phoneSearch?: PhoneSearch;
}

export interface TaggedIdentifier {
  raw: RawIdentifier;
  source: Signal["source"];
  verified?: boolean;
}

/**
 * Identifiers the event carries, plus what its customer text refers to: orders the order system
 * confirmed, emails and phone numbers (ingest/grounding).
 */
export function identifiersOf(
  event: ChannelEvent,
  requester: TaggedIdentifier[],
  found: Pick<GroundedReferences, "orderIds" | "emails" | "phones">,
): TaggedIdentifier[] {
  const own: TaggedIdentifier[] = event.identifiers.map((raw) => ({
    raw,
    source: event.source,
  }));
  const fromText: TaggedIdentifier[] = [
    ...found.orderIds.map((value) => ({
      raw: { type: "order" as const, value },
      source: "text" as const,
    })),
    ...found.emails.map((value) => ({
      raw: { type: "email" as const, value },
      source: "text" as const,
    })),
    ...found.phones.map((value) => ({
      raw: { type: "phone" as const, value },
      source: "text" as const,
    })),
  ];
  return [...own, ...requester, ...fromText];
}

export interface Keyed {
  identifier: NormalizedIdentifier;
  kind: SignalKind;
  hash: string;
  source: Signal["source"];
  verified: boolean;
}

/** Each identifier normalised and hashed once (sessions are links, not identifiers). */
export async function keyIdentifiers(
  tagged: TaggedIdentifier[],
  hashKey: CryptoKey,
  defaultCountry?: string,
): Promise<Keyed[]> {
  const seen = new Map<string, Keyed>();
  for (const item of tagged) {
    const result = normalizeIdentifier(item.raw, defaultCountry);
    if (!result.ok || result.identifier.kind === "session") continue;
    const id = `${result.identifier.kind}:${result.identifier.value}`;
    const existing = seen.get(id);
    if (existing) {
      existing.verified ||= item.verified === true;
      continue;
    }
    seen.set(id, {
      identifier: result.identifier,
      kind: result.identifier.kind,
      hash: await identityHash(hashKey, result.identifier),
      source: item.source,
      verified: item.verified === true,
    });
  }
  return [...seen.values()];
}

/** The hash a name and postcode given together are kept under. */
export function nameZipHash(
  hashKey: CryptoKey,
  nameZip: { name: string; zip: string },
): Promise<string> {
  return identityHash(hashKey, {
    kind: "name_zip",
    value: `${nameZip.name.toLowerCase()}|${nameZip.zip}`,
  });
}

/**
 * Ask the systems of record who owns each identifier. Lookups run in parallel; an outage throws
 * (DownstreamUnavailable) so the whole event is retried rather than stitched on half the evidence.
 */
export async function gatherEvidence(
  tagged: TaggedIdentifier[],
  deps: {
    db: D1Database;
    tenantId: string;
    hashKey: CryptoKey;
    orders: OrderSystem;
    defaultCountry?: string;
    /** The identifiers already keyed (keyIdentifiers), and who a person linked them to, if read. */
    keyed?: Keyed[];
    linkedOwners?: Map<string, string[]>;
  },
  /** What the customer's words said, grounded: a name and zip to match, contact details. */
  said: Evidence["said"] = { emails: [], phones: [], nameZip: null },
): Promise<Evidence> {
  const nameZip = said.nameZip;
  const keyed = deps.keyed ?? (await keyIdentifiers(tagged, deps.hashKey, deps.defaultCountry));
  const linked = deps.linkedOwners ?? (await agentLinkedOwners(deps.db, deps.tenantId, keyed));
  const customers = new Map<string, { id: string; tier?: string }>();
  const identities: IdentityRow[] = [];

  const signals = await Promise.all(
    keyed.map(async (k): Promise<Signal> => {
      let owners: string[] = [];
      const { kind, value } = k.identifier;
      if (kind === "email" || kind === "phone") {
        const found =
          kind === "email"
            ? await deps.orders.customersByEmail(value)
            : await deps.orders.customersByPhone(value);
        for (const c of found) customers.set(c.id, { id: c.id, ...(c.tier && { tier: c.tier }) });
        owners = found.map((c) => c.id);
      } else if (kind === "order") {
        const order = await deps.orders.order(value);
        if (order) {
          owners = [order.customerId];
          if (!customers.has(order.customerId))
            customers.set(order.customerId, { id: order.customerId });
        }
      }
      if (kind !== "order") {
        for (const customerId of owners) {
          identities.push({
            kind: k.kind,
            hash: k.hash,
            customerId,
            masked: k.identifier.masked,
            verified: k.verified,
            source: "orders",
          });
        }
      }
      owners = [...new Set([...owners, ...(linked.get(`${k.kind}:${k.hash}`) ?? [])])].sort();
      return { kind: k.kind, hash: k.hash, masked: k.identifier.masked, owners, source: k.source };
    }),
  );

  if (nameZip) {
    const found = await deps.orders.customersByNameZip(nameZip.name, nameZip.zip);
    for (const c of found) customers.set(c.id, { id: c.id, ...(c.tier && { tier: c.tier }) });
    signals.push({
      kind: "name_zip",
      hash: await nameZipHash(deps.hashKey, nameZip),
      masked: `${nameZip.name.split(" ")[0]} …, ${nameZip.zip}`,
      owners: found.map((c) => c.id).sort(),
      source: "text",
    });
  }
  const orderIds = keyed.filter((k) => k.kind === "order").map((k) => k.identifier.value);
  return { signals, orderIds, customers: [...customers.values()], identities, said };
}
