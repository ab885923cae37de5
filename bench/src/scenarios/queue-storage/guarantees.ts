import { noopEvent } from "../queue/payload";
import type { WebsiteEventInput } from "@real-estate/types";
import { count, enqueueAndAnswer, type StorageDesign } from "./designs";

function check(design: StorageDesign, what: string, ok: boolean, detail = ""): void {
  if (!ok) throw new Error(`${design.system}: guarantee check failed: ${what}${detail ? ` (${detail})` : ""}`);
}

/**
 * Walks one job of a prototype design through every path the product relies on, with the
 * design's own SQL, before anything is measured: a duplicate key creates nothing; an expired
 * lease is reclaimed by another worker and the first worker's completion then changes nothing;
 * a transient failure waits for its retry time; a permanent one dead-letters (no ready row); a
 * re-drive queues it again; its completion empties the ready table; the key stays taken while the
 * ledger row is kept. Throws on the first broken guarantee.
 */
export async function checkGuarantees(design: StorageDesign, runId: string): Promise<void> {
  const { claim, complete, fail, redrive } = design;
  if (!fail || !redrive) return;
  const db = design.db();
  const pool = design.pool();
  const event = noopEvent(design.tenantId(), 1, `${runId}-guarantees`) as WebsiteEventInput;
  const ready = () => count(pool, `SELECT count(*) AS n FROM "JobReady"`);
  try {
    check(design, "first enqueue creates", (await enqueueAndAnswer(design, event)).created);
    check(design, "duplicate enqueue creates nothing", !(await enqueueAndAnswer(design, event)).created);
    check(design, "one ledger row and one ready row", (await count(pool, `SELECT count(*) AS n FROM "JobLedger"`)) === 1 && (await ready()) === 1);

    const t0 = new Date();
    const first = await claim(db, "w1", t0, 1_000);
    check(design, "w1 claims the job", first.length === 1 && first[0]!.attempts === 1);
    check(design, "a leased job is not claimed again", (await claim(db, "w2", t0)).length === 0);
    const t1 = new Date(t0.getTime() + 2_000);
    const reclaimed = await claim(db, "w2", t1);
    check(design, "w2 reclaims the expired lease", reclaimed.length === 1 && reclaimed[0]!.attempts === 2);
    check(design, "w1's late completion changes nothing", (await complete(db, "w1", first)) === 0 && (await ready()) === 1);

    const retryAt = new Date(t1.getTime() + 30_000);
    const retried = await fail(db, "w2", reclaimed[0]!, retryAt, t1);
    check(design, "a transient failure is PENDING again", retried.length === 1 && retried[0]!.status === "PENDING");
    check(design, "not claimed before its retry time", (await claim(db, "w1", new Date(retryAt.getTime() - 1_000))).length === 0);
    const third = await claim(db, "w1", retryAt);
    check(design, "claimed at its retry time", third.length === 1 && third[0]!.attempts === 3);

    const dead = await fail(db, "w1", third[0]!, null, retryAt);
    check(design, "a permanent failure dead-letters", dead.length === 1 && dead[0]!.status === "DEAD_LETTERED" && (await ready()) === 0);
    check(design, "a dead letter's key stays taken", !(await enqueueAndAnswer(design, event)).created);

    const later = new Date(retryAt.getTime() + 1_000);
    check(design, "re-drive queues the dead letter", (await redrive(db, design.tenantId(), [third[0]!.id], later)) === 1 && (await ready()) === 1);
    const again = await claim(db, "w2", later);
    check(design, "the re-driven job is claimed with a fresh count", again.length === 1 && again[0]!.attempts === 1);
    check(design, "its completion leaves no ready row", (await complete(db, "w2", again)) === 1 && (await ready()) === 0);
    check(design, "a completed job's key stays taken while kept", !(await enqueueAndAnswer(design, event)).created);
  } finally {
    await design.reset();
  }
}
