import { pgPoolOf, type Db } from "@real-estate/db";
import type { ClaimedJob } from "@real-estate/queue";
import { deliverEmails } from "./deliver-emails";
import { prepareDeliveries, type PreparedDeliveries } from "./prepare-deliveries";
import type { DeliveryOutcome } from "./email-attempt";
import type { MailTransport } from "./smtp-transport";

/** Messages delivered in one transaction at most: the worker's default concurrency (decision 0052). */
export const DELIVERY_BATCH_MAX = 8;

/**
 * Longest a delivery waits for the jobs that take the slots of the batch being sent, so that they
 * share its transaction, before it goes out in a smaller one (decision 0059).
 */
export const DELIVERY_JOIN_WAIT_MS = 100;

/**
 * Longest a batch read ahead keeps its messages locked, from its read, for jobs that have not
 * started: then it records what its started jobs did and commits, and the others go through a
 * batch of their own (decision 0062).
 */
export const READ_AHEAD_WAIT_MS = 1_000;

export type DeliveryBatcher = {
  /** Delivers the job's message with the others asked for in the same tick, or in the batch read ahead for it; resolves or throws as deliverEmail would. */
  deliver(db: Db, job: ClaimedJob, release?: () => void): Promise<DeliveryOutcome>;
  /**
   * The worker's claim has just handed it these delivery jobs, to be started in this order
   * (JobKind.claimed): the next batch's transaction is opened and its messages read and locked
   * while the batch before it is being sent (decision 0062). Never throws.
   */
  claimed(db: Db, jobs: ClaimedJob[]): void;
};

/** A batch read ahead that still takes jobs. */
type Ahead = { batch: PreparedDeliveries; ids: Set<string>; started: number; timer: ReturnType<typeof setTimeout> | null; closed: boolean };

type Waiting = { db: Db; job: ClaimedJob; release?: () => void; resolve: (o: DeliveryOutcome) => void; reject: (e: Error) => void };

/**
 * Gathers the e-mail deliveries the worker starts together (the jobs it starts in one tick: the
 * first of a claim, or those whose slots one batch's SMTP conversations freed) into transactions
 * of at most `maxBatch` messages (deliverEmails); each job still gets its own outcome or error.
 * `release` (the worker's ctx.release) is called for every job of a batch once its SMTP
 * conversations are over, so the next messages go to the server while this batch's outcomes are
 * recorded.
 *
 * Fewer than `maxBatch` deliveries do not start while another batch's SMTP conversations are
 * under way: the jobs that take that batch's slots when it gives them back join them (decision
 * 0059), so a claim's last few jobs do not split the batches that follow into ever smaller
 * transactions. They wait at most `joinWaitMs`; with nothing being sent they start at once.
 *
 * Read-ahead (decision 0062): the jobs the worker's claims hand over (`claimed`) are split, in the
 * order the worker starts them, into batches of at most `maxBatch` that are opened ahead: one
 * batch's transaction opens and reads and locks its messages while the batch before it is being
 * sent. A job of such a batch sends its message the moment it starts, and gives its slot back
 * when its own SMTP conversation is over (the next job, of the same batch or the next, starts in
 * it at once); the batch records and commits once all its jobs have started and their
 * conversations are over, or `aheadWaitMs` after its read for the jobs that have started. A job
 * that is not in a batch read ahead (another client, a job left out) is gathered as above.
 */
export function createDeliveryBatcher(options: { transport: MailTransport; maxBatch?: number; joinWaitMs?: number; aheadWaitMs?: number }): DeliveryBatcher {
  const maxBatch = Math.max(1, options.maxBatch ?? DELIVERY_BATCH_MAX);
  const joinWaitMs = Math.max(0, options.joinWaitMs ?? DELIVERY_JOIN_WAIT_MS);
  const aheadWaitMs = Math.max(0, options.aheadWaitMs ?? READ_AHEAD_WAIT_MS);
  let waiting: Waiting[] = [];
  /** Deliveries whose SMTP conversations (a batch's, or the job's own in a batch read ahead) are not over yet. */
  let sending = 0;
  let scheduled = false;
  let joinTimer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => flush(false));
  };

  const send = (db: Db, batch: Waiting[]) => {
    sending += batch.length;
    let over = false;
    // Once per batch: when its SMTP conversations are over (onSent), or when it settles without them (a database error).
    const sent = () => {
      if (over) return;
      over = true;
      sending -= batch.length;
      batch.forEach((w) => w.release?.());
      // The jobs started in the slots just given back are asked for in this tick: they join whatever waits.
      if (waiting.length > 0) schedule();
    };
    deliverEmails({ db, transport: options.transport, jobs: batch.map((w) => w.job), onSent: sent }).then(
      (results) => {
        sent();
        for (const [k, w] of batch.entries()) {
          const r = results[k]!;
          if ("error" in r) w.reject(r.error);
          else w.resolve(r);
        }
      },
      (error: unknown) => {
        sent();
        for (const w of batch) w.reject(error as Error);
      },
    );
  };

  const flush = (force: boolean) => {
    scheduled = false;
    const all = waiting;
    waiting = [];
    const byDb = new Map<Db, Waiting[]>();
    for (const w of all) byDb.set(w.db, [...(byDb.get(w.db) ?? []), w]);
    for (const [db, group] of byDb) {
      let i = 0;
      for (; i + maxBatch <= group.length; i += maxBatch) send(db, group.slice(i, i + maxBatch));
      const rest = group.slice(i);
      if (rest.length === 0) continue;
      if (force || sending === 0 || joinWaitMs === 0) send(db, rest);
      else waiting.push(...rest);
    }
    if (waiting.length === 0 && joinTimer) {
      clearTimeout(joinTimer);
      joinTimer = null;
    } else if (waiting.length > 0 && !joinTimer) {
      joinTimer = setTimeout(() => {
        joinTimer = null;
        flush(true);
      }, joinWaitMs);
    }
  };

  const gather = (db: Db, job: ClaimedJob, release?: () => void) =>
    new Promise<DeliveryOutcome>((resolve, reject) => {
      waiting.push({ db, job, release, resolve, reject });
      schedule();
    });

  // Read-ahead (decision 0062): the claimed delivery jobs not started yet, in the order the worker
  // starts them; the batches read ahead that still take jobs; the jobs left out of a batch that
  // closed, until its transaction ends (their rows are locked until then).
  let upcoming: { db: Db; job: ClaimedJob }[] = [];
  const ahead: Ahead[] = [];
  const afterClosed = new Map<string, Promise<void>>();

  const closeAhead = (a: Ahead) => {
    if (a.closed) return;
    a.closed = true;
    if (a.timer) clearTimeout(a.timer);
    ahead.splice(ahead.indexOf(a), 1);
    a.batch.close();
    const left = [...a.ids];
    for (const id of left) afterClosed.set(id, a.batch.settled);
    void a.batch.settled.then(() => {
      for (const id of left) if (afterClosed.get(id) === a.batch.settled) afterClosed.delete(id);
    });
  };

  /** Opens the next batch ahead from the upcoming jobs, unless one that no job has started yet is open. */
  const readAhead = () => {
    if (ahead.some((a) => a.started === 0)) return;
    while (upcoming.length > 0) {
      const db = upcoming[0]!.db;
      const take: ClaimedJob[] = [];
      const rest: typeof upcoming = [];
      for (const u of upcoming) {
        if (u.db === db && take.length < maxBatch) take.push(u.job);
        else rest.push(u);
      }
      upcoming = rest;
      const batch = prepareDeliveries({ db, transport: options.transport, jobs: take });
      if (!batch) continue;
      const a: Ahead = { batch, ids: new Set(take.filter((job) => batch.has(job)).map((job) => job.id)), started: 0, timer: null, closed: false };
      ahead.push(a);
      void batch.read.then((ok) => {
        if (!ok) closeAhead(a);
        else if (!a.closed) a.timer = setTimeout(() => closeAhead(a), aheadWaitMs);
      });
      return;
    }
  };

  return {
    deliver: (db, job, release) => {
      const u = upcoming.findIndex((x) => x.job.id === job.id);
      if (u >= 0) upcoming.splice(u, 1);
      const a = ahead.find((x) => x.batch.has(job));
      if (a) {
        a.ids.delete(job.id);
        a.started++;
        sending++;
        // The job's slot goes back when its own SMTP conversation is over; its outcome is recorded at the batch's commit.
        const outcome = a.batch.deliver(job, () => {
          sending--;
          release?.();
          if (waiting.length > 0) schedule();
        });
        if (a.batch.left() === 0) closeAhead(a);
        // The first job of this batch has started: the next batch is read while this one is being sent.
        readAhead();
        return outcome;
      }
      const closed = afterClosed.get(job.id);
      if (closed) return closed.then(() => gather(db, job, release));
      return gather(db, job, release);
    },
    claimed: (db, jobs) => {
      if (!pgPoolOf(db) || jobs.length === 0) return;
      upcoming.push(...jobs.map((job) => ({ db, job })));
      readAhead();
    },
  };
}
