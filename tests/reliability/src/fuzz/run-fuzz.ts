import { rawRequest, runPool } from "../http/raw-request";
import type { FuzzBody } from "./hostile-values";
import type { FuzzTarget } from "./fuzz-targets";
import { grownTables } from "./row-counts";

export type FuzzTally = {
  requests: number;
  fiveXx: number;
  /** Rows created in batches where no body was accepted (no 2xx): created by invalid bodies. */
  invalidRows: number;
  accepted: number;
  failures: string[];
  byStatus: Record<string, number>;
};

export const emptyFuzzTally = (): FuzzTally => ({ requests: 0, fiveXx: 0, invalidRows: 0, accepted: 0, failures: [], byStatus: {} });

/**
 * Sends the bodies to one target in batches; after each batch with no 2xx answer, checks that
 * no row of the tenant was created.
 */
export async function fuzzTarget(options: {
  target: FuzzTarget;
  bodies: FuzzBody[];
  origin: string;
  cookie?: string;
  counter: { tables: string[]; count: () => Promise<number[]> };
  tally: FuzzTally;
  deadline: number;
  batchSize?: number;
}) {
  const { target, tally } = options;
  const batchSize = options.batchSize ?? 24;
  for (let i = 0; i < options.bodies.length && Date.now() < options.deadline; i += batchSize) {
    const batch = options.bodies.slice(i, i + batchSize);
    const before = await options.counter.count();
    const statuses = await runPool(batch, 4, async (b) => {
      const headers: Record<string, string> = { host: target.host, origin: target.origin, ...(b.contentType ? { "content-type": b.contentType } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) };
      try {
        const res = await rawRequest({ origin: options.origin, method: target.method, path: target.path, headers, body: b.body, timeoutMs: 30_000 });
        if (res.status >= 500) {
          tally.fiveXx++;
          if (tally.failures.length < 50) tally.failures.push(`${target.method} ${target.pattern} ${b.label} -> ${res.status} ${res.body.slice(0, 160)} | body ${b.body.toString("utf8").slice(0, 160)}`);
        }
        return res.status;
      } catch (error) {
        if (tally.failures.length < 50) tally.failures.push(`${target.method} ${target.pattern} ${b.label} -> ${(error as Error).message}`);
        return 0;
      }
    });
    tally.requests += batch.length;
    for (const s of statuses) tally.byStatus[s] = (tally.byStatus[s] ?? 0) + 1;
    const accepted = statuses.filter((s) => s >= 200 && s < 400).length;
    tally.accepted += accepted;
    if (accepted === 0) {
      const grown = grownTables(options.counter.tables, before, await options.counter.count());
      const n = Object.values(grown).reduce((a, b) => a + b, 0);
      if (n > 0) {
        tally.invalidRows += n;
        tally.failures.push(`${target.method} ${target.pattern}: ${n} rows created by a batch of rejected bodies ${JSON.stringify(grown)}`);
      }
    }
  }
}

/** A body past any sane limit: must be refused with 413 before it is read whole. */
export async function oversizeStatus(target: FuzzTarget, origin: string, cookie?: string): Promise<number> {
  const body = Buffer.from(JSON.stringify({ name: "A".repeat(2 * 1024 * 1024), email: "big@example.org" }));
  const res = await rawRequest({ origin, method: target.method, path: target.path, headers: { host: target.host, origin: target.origin, "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body, timeoutMs: 60_000 }).catch(() => null);
  return res?.status ?? 0;
}
