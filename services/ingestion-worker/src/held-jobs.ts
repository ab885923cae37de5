import type { Db } from "@real-estate/db";
import { deferJobs, type ClaimedJob } from "@real-estate/queue";
import type { Logger } from "@real-estate/http/logging";
import type { Clock } from "./clock";
import type { Admission, JobKindRegistry } from "./job-kinds";
import type { JobHandlers } from "./run-job";

const STARTS: Admission = { start: true, end: () => {} };

/**
 * The claimed jobs a kind held back (JobKind.admit, decision 0115): a job the kind says to keep
 * waits here, without a slot, and is asked again, oldest first, whenever a slot is given back; the
 * others, and any beyond `maxKept` (or `maxKeptPerGroup` of one group) or kept longer than
 * `maxKeepMs` (its lease runs), go back to the queue, due when the kind said (on the worker's
 * clock; at once unless the kind paused what they wait for), their attempt taken back (in one
 * statement for those given back together). A kept job always waits for a job in flight (its place frees when that one's slot is
 * given back), so no timer is needed.
 */
export function createHeldJobs(options: {
  db: Db;
  workerId: string;
  clock: Clock;
  logger: Logger;
  kinds: JobKindRegistry;
  handlers?: JobHandlers;
  slots: number;
  maxKept: number;
  maxKeptPerGroup: number;
  maxKeepMs: number;
}) {
  const { kinds, handlers: h } = options;
  const kept: { job: ClaimedJob; since: number; group?: string }[] = [];
  const keptByGroup = new Map<string, number>();
  const count = (group: string | undefined, by: number) => {
    if (group === undefined) return;
    const n = (keptByGroup.get(group) ?? 0) + by;
    if (n > 0) keptByGroup.set(group, n);
    else keptByGroup.delete(group);
  };
  /** Takes the i-th kept job out. */
  const unkeep = (i: number) => {
    const [k] = kept.splice(i, 1);
    count(k!.group, -1);
    return k!.job;
  };
  let deferred: { job: ClaimedJob; retryInMs: number }[] = [];
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;

  /** Whether `job` may start now; a job its kind's own handler does not run always may. */
  function admit(job: ClaimedJob): Admission {
    const kind = kinds[job.kind];
    if (!kind?.admit || h?.[job.kind] || h?.[job.eventType] || h?.["*"]) return STARTS;
    try {
      return kind.admit({ job, slots: options.slots, now: options.clock.now() });
    } catch (error) {
      options.logger.warn({ msg: "admission failed; the job starts", jobId: job.id, kind: job.kind, reason: String((error as Error)?.message ?? error) });
      return STARTS;
    }
  }

  function writeDeferred() {
    scheduled = false;
    const batch = deferred;
    deferred = [];
    if (batch.length === 0) return;
    const now = options.clock.now();
    const jobs = batch.map((d) => ({ tenantId: d.job.tenantId, id: d.job.id, until: new Date(now.getTime() + d.retryInMs) }));
    writing = writing
      .then(() => deferJobs({ db: options.db, workerId: options.workerId, jobs, now }))
      .then(
        (n) => options.logger.info({ msg: "held-back jobs given back to the queue", jobs: n }),
        // Not given back: their leases expire and they run then (the claim counted an attempt).
        (error: unknown) =>
          options.logger.warn({ msg: "giving back held-back jobs failed", jobs: jobs.length, reason: String((error as Error)?.message ?? error) }),
      );
  }

  function defer(job: ClaimedJob, retryInMs: number) {
    deferred.push({ job, retryInMs });
    if (!scheduled) {
      scheduled = true;
      setImmediate(writeDeferred);
    }
  }

  return {
    admit,

    /** A job whose admission said no: kept (while there is room; returns true) or given back. */
    hold(job: ClaimedJob, a: Admission & { start: false }): boolean {
      const room = kept.length < options.maxKept && (a.group === undefined || (keptByGroup.get(a.group) ?? 0) < options.maxKeptPerGroup);
      if (a.keep && room) {
        kept.push({ job, since: performance.now(), group: a.group });
        count(a.group, 1);
        return true;
      }
      defer(job, a.retryInMs);
      return false;
    },

    /**
     * With a slot free (the caller's), starts the oldest kept job that may start now and returns
     * true; kept jobs whose kind now says to give them back, or kept too long, are given back.
     */
    startKept(start: (job: ClaimedJob, end: () => void) => void): boolean {
      const now = performance.now();
      for (let i = 0; i < kept.length; i++) {
        const { job, since } = kept[i]!;
        const a = admit(job);
        if (a.start) {
          start(unkeep(i), a.end);
          return true;
        }
        if (!a.keep || now - since > options.maxKeepMs) defer(unkeep(i--), a.retryInMs);
      }
      return false;
    },

    kept: () => kept.length,

    /** The kept jobs, taken out (a stop gives them back to the queue). */
    takeKept(): ClaimedJob[] {
      keptByGroup.clear();
      return kept.splice(0, kept.length).map((k) => k.job);
    },

    /** Resolves once every job given back so far is written. */
    async settled() {
      if (scheduled) writeDeferred();
      await writing;
    },
  };
}
