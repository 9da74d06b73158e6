/**
 * D1 round trips per unit of work (a contact recorded, an agent run), counted only when the Worker
 * runs with COUNT_D1_ROUND_TRIPS set (the benchmark does): otherwise the database is handed back
 * untouched and nothing is counted. Each statement run (`first`, `run`, `all`, `raw`) and each
 * `batch` or `exec` is one round trip.
 */
export type WorkUnit = "contact" | "agent run";

export interface RoundTripTally {
  units: number;
  trips: number;
  batches: number;
}

const tallies = new Map<WorkUnit, RoundTripTally>();

interface Counter {
  trips: number;
  batches: number;
}

class CountedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly counter: Counter,
  ) {}
  bind(...values: unknown[]) {
    return new CountedStatement(this.inner.bind(...values), this.counter);
  }
  first(column?: string) {
    this.counter.trips++;
    return column === undefined ? this.inner.first() : this.inner.first(column);
  }
  run() {
    this.counter.trips++;
    return this.inner.run();
  }
  all() {
    this.counter.trips++;
    return this.inner.all();
  }
  raw(options?: { columnNames?: boolean }) {
    this.counter.trips++;
    return this.inner.raw(options as { columnNames: true });
  }
}

function countedDatabase(db: D1Database, counter: Counter): D1Database {
  const unwrap = (s: D1PreparedStatement) =>
    s instanceof CountedStatement ? s.inner : (s as D1PreparedStatement);
  return {
    prepare: (query: string) => new CountedStatement(db.prepare(query), counter),
    batch: (statements: D1PreparedStatement[]) => {
      counter.trips++;
      counter.batches++;
      return db.batch(statements.map(unwrap));
    },
    exec: (query: string) => {
      counter.trips++;
      return db.exec(query);
    },
    dump: () => db.dump(),
    withSession: (constraint?: string) => db.withSession(constraint),
  } as unknown as D1Database;
}

/**
 * The environment one unit of work should use, and a `done` that adds what it cost to the tally.
 * Without COUNT_D1_ROUND_TRIPS both are the identity.
 */
export function countRoundTrips<E extends { DB: D1Database; COUNT_D1_ROUND_TRIPS?: string }>(
  env: E,
  unit: WorkUnit,
): { env: E; done: () => void } {
  if (!env.COUNT_D1_ROUND_TRIPS) return { env, done: () => undefined };
  const counter = { trips: 0, batches: 0 };
  return {
    env: { ...env, DB: countedDatabase(env.DB, counter) },
    done: () => {
      const tally = tallies.get(unit) ?? { units: 0, trips: 0, batches: 0 };
      tally.units++;
      tally.trips += counter.trips;
      tally.batches += counter.batches;
      tallies.set(unit, tally);
    },
  };
}

/** What this isolate has counted so far, per unit of work. */
export function roundTripTallies(): Partial<Record<WorkUnit, RoundTripTally>> {
  return Object.fromEntries(tallies);
}
