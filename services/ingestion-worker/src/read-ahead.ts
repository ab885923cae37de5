import type { Db } from "@real-estate/db";
import type { ClaimedJob } from "@real-estate/queue";
import type { Logger } from "@real-estate/http/logging";
import type { JobKindRegistry } from "./job-kinds";
import type { JobHandlers } from "./run-job";

/**
 * Tells each kind that reads ahead (JobKind.claimed) which of its jobs were just claimed, in the
 * order they will start. Only jobs the kind's own handler runs are passed: a handler override
 * reads nothing of what was read ahead. A kind whose read-ahead throws is logged; its jobs then
 * read what they need themselves when they run.
 */
export function readAhead(options: { db: Db; kinds: JobKindRegistry; handlers?: JobHandlers; logger: Logger; jobs: readonly ClaimedJob[] }) {
  const { kinds, handlers: h } = options;
  const byKind = new Map<string, ClaimedJob[]>();
  for (const job of options.jobs) {
    if (!kinds[job.kind]?.claimed || h?.[job.kind] || h?.[job.eventType] || h?.["*"]) continue;
    const ofKind = byKind.get(job.kind);
    if (ofKind) ofKind.push(job);
    else byKind.set(job.kind, [job]);
  }
  for (const [kind, ofKind] of byKind) {
    try {
      kinds[kind]!.claimed!({ db: options.db, jobs: ofKind });
    } catch (error) {
      options.logger.warn({ msg: "reading ahead failed", kind, reason: String((error as Error)?.message ?? error) });
    }
  }
}
