import type { Db } from "@real-estate/db";
import { explainDatabaseError } from "@real-estate/db";
import { unsafeRerouteOverdueLeads } from "@real-estate/crm";
import { completedRetentionMs, pruneCompletedJobs } from "@real-estate/queue";
import type { Logger } from "@real-estate/http/logging";
import type { Clock } from "./clock";

/** Leads re-routed per statement; another round follows while a round moves this many. */
const REROUTE_BATCH = 100;

/**
 * The continuous worker's periodic work beside its jobs: pruning completed jobs past their
 * retention and re-routing leads nobody contacted in time. Each runs on its own interval (0
 * disables it); a round never overlaps the one before, and a failure is logged and retried at
 * the next interval. `stop()` clears both timers and resolves once a round already running has
 * finished its batch, so nothing of the worker's touches the database after its `run()` ends.
 */
export function startMaintenance(options: {
  db: Db;
  clock: Clock;
  logger: Logger;
  pruneIntervalMs: number;
  /** Completed jobs deleted per statement (default 5,000). */
  pruneBatchSize?: number;
  rerouteIntervalMs: number;
  /** True once the worker is stopping: a pruning or re-routing round ends after its current batch. */
  stopping: () => boolean;
}): { stop(): Promise<void> } {
  const { db, clock, logger } = options;
  let pruning: Promise<void> | null = null;
  let rerouting: Promise<void> | null = null;

  function prune() {
    pruning ??= pruneRound().finally(() => {
      pruning = null;
    });
  }

  function reroute() {
    rerouting ??= rerouteRound().finally(() => {
      rerouting = null;
    });
  }

  async function pruneRound() {
    try {
      const deleted = await pruneCompletedJobs({
        db,
        now: clock.now(),
        retentionMs: completedRetentionMs(),
        batchSize: options.pruneBatchSize,
        shouldStop: options.stopping,
      });
      if (deleted > 0) logger.info({ msg: "pruned completed jobs", deleted });
    } catch (error) {
      logger.warn({ msg: "pruning completed jobs failed", reason: explainDatabaseError(error) });
    }
  }

  async function rerouteRound() {
    try {
      let moved: number;
      do {
        moved = await unsafeRerouteOverdueLeads({ db, now: clock.now(), limit: REROUTE_BATCH });
        if (moved > 0) logger.info({ msg: "re-routed leads nobody contacted in time", leads: moved });
      } while (moved >= REROUTE_BATCH && !options.stopping());
    } catch (error) {
      logger.warn({ msg: "re-routing leads failed", reason: explainDatabaseError(error) });
    }
  }

  const timers = [
    options.pruneIntervalMs > 0 ? setInterval(prune, options.pruneIntervalMs) : null,
    options.rerouteIntervalMs > 0 ? setInterval(reroute, options.rerouteIntervalMs) : null,
  ];
  return {
    async stop() {
      for (const timer of timers) if (timer) clearInterval(timer);
      await Promise.all([pruning, rerouting]);
    },
  };
}
