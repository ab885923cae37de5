// Applies every queued event the way the ingestion worker does: claim, process, complete.
import type { Db } from "@real-estate/db";
import { claimJobs, completeJobs } from "@real-estate/queue";
import { processWebsiteEvent } from "@real-estate/crm";

export async function drainQueue(db: Db): Promise<number> {
  const workerId = "crm-test-drain";
  let total = 0;
  for (;;) {
    const jobs = await claimJobs({ workerId, db, limit: 50 });
    if (!jobs.length) return total;
    for (const job of jobs) await processWebsiteEvent({ tenantId: job.tenantId, event: job.payload, db });
    await completeJobs({ jobs, workerId, db });
    total += jobs.length;
  }
}
