import { rawRequest, runPool } from "../http/raw-request";
import type { FuzzBody } from "./hostile-values";
import type { FuzzTarget } from "./fuzz-targets";
import { grownTables } from "./row-counts";

export type FuzzTally = {
  /** Generated bodies sent (the figure the issue asks for per route). */
  requests: number;
  /** Rejected bodies sent a second time, among rejected ones only, for the row check. */
  resent: number;
  fiveXx: number;
  /** Rows created in batches where no body was accepted (no 2xx/3xx): created by invalid bodies. */
  invalidRows: number;
  /** Rejected bodies whose batch had the tenant's rows counted before and after. */
  rowChecked: number;
  accepted: number;
  failures: string[];
  byStatus: Record<string, number>;
};

export const emptyFuzzTally = (): FuzzTally => ({ requests: 0, resent: 0, fiveXx: 0, invalidRows: 0, rowChecked: 0, accepted: 0, failures: [], byStatus: {} });

const isAccepted = (status: number) => status >= 200 && status < 400;

type Counter = { tables: string[]; count: () => Promise<number[]> };

/** Sends one batch side by side (at most `concurrency` in flight) and returns the statuses (0: no answer). */
async function sendBatch(
  target: FuzzTarget,
  batch: FuzzBody[],
  origins: string[],
  cookie: string | undefined,
  concurrency: number,
  tally: FuzzTally,
): Promise<number[]> {
  return runPool(batch, concurrency, async (b, k) => {
    const origin = origins[k % origins.length]!;
    const headers: Record<string, string> = {
      host: target.host,
      origin: target.origin,
      ...(b.contentType ? { "content-type": b.contentType } : {}),
      ...(cookie ? { cookie } : {}),
    };
    try {
      const res = await rawRequest({ origin, method: target.method, path: target.path, headers, body: b.body, timeoutMs: 30_000 });
      if (res.status >= 500) {
        tally.fiveXx++;
        if (tally.failures.length < 50)
          tally.failures.push(
            `${target.method} ${target.pattern} ${b.label} -> ${res.status} ${res.body.slice(0, 160)} | body ${b.body.toString("utf8").slice(0, 160)}`,
          );
      }
      return res.status;
    } catch (error) {
      if (tally.failures.length < 50) tally.failures.push(`${target.method} ${target.pattern} ${b.label} -> ${(error as Error).message}`);
      return 0;
    }
  });
}

/** Compares the tenant's row counts around a batch in which no body was accepted. */
async function checkNoRows(target: FuzzTarget, counter: Counter, before: number[], tally: FuzzTally): Promise<void> {
  const grown = grownTables(counter.tables, before, await counter.count());
  const n = Object.values(grown).reduce((a, b) => a + b, 0);
  if (n > 0) {
    tally.invalidRows += n;
    tally.failures.push(`${target.method} ${target.pattern}: ${n} rows created by a batch of rejected bodies ${JSON.stringify(grown)}`);
  }
}

/**
 * Sends the bodies to one target in batches of `batchSize`, `concurrency` at a time. After each
 * batch in which no body was accepted, checks that no row of the tenant was created. Rejected
 * bodies that shared their batch with an accepted one (whose rows would hide theirs) are then
 * sent again, up to `resendLimit` of them, in batches of rejected bodies only, and checked the
 * same way (a batch in which one of them is now accepted is not checked).
 */
export async function fuzzTarget(options: {
  target: FuzzTarget;
  bodies: FuzzBody[];
  /** Servers of the target's app (the same app and database): the bodies are spread over them. */
  origins: string[];
  cookie?: string;
  counter: Counter;
  tally: FuzzTally;
  deadline: number;
  batchSize?: number;
  concurrency?: number;
  resendLimit?: number;
}) {
  const { target, tally, counter, origins, cookie } = options;
  const batchSize = options.batchSize ?? 64;
  const concurrency = options.concurrency ?? 12;
  const unchecked: FuzzBody[] = [];
  for (let i = 0; i < options.bodies.length && Date.now() < options.deadline; i += batchSize) {
    const batch = options.bodies.slice(i, i + batchSize);
    const before = await counter.count();
    const statuses = await sendBatch(target, batch, origins, cookie, concurrency, tally);
    tally.requests += batch.length;
    for (const s of statuses) tally.byStatus[s] = (tally.byStatus[s] ?? 0) + 1;
    const accepted = statuses.filter(isAccepted).length;
    tally.accepted += accepted;
    if (accepted === 0) {
      await checkNoRows(target, counter, before, tally);
      tally.rowChecked += batch.length;
    } else {
      unchecked.push(...batch.filter((_, k) => statuses[k]! >= 400 && statuses[k]! < 500));
    }
  }
  const resend = unchecked.slice(0, options.resendLimit ?? unchecked.length);
  for (let i = 0; i < resend.length && Date.now() < options.deadline; i += batchSize) {
    const batch = resend.slice(i, i + batchSize);
    const before = await counter.count();
    const statuses = await sendBatch(target, batch, origins, cookie, concurrency, tally);
    tally.resent += batch.length;
    if (statuses.some(isAccepted)) continue;
    await checkNoRows(target, counter, before, tally);
    tally.rowChecked += batch.length;
  }
}

/** A body past any sane limit: must be refused with 413 before it is read whole. */
export async function oversizeStatus(target: FuzzTarget, origin: string, cookie?: string): Promise<number> {
  const body = Buffer.from(JSON.stringify({ name: "A".repeat(2 * 1024 * 1024), email: "big@example.org" }));
  const res = await rawRequest({
    origin,
    method: target.method,
    path: target.path,
    headers: { host: target.host, origin: target.origin, "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body,
    timeoutMs: 60_000,
  }).catch(() => null);
  return res?.status ?? 0;
}
