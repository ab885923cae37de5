import { processWebsiteEvent } from "@real-estate/crm";
import type { WebsiteEventInput } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { perSecond, summarize, type LatencySummary } from "../../lib/stats";

export type DirectResult = { perSecond: number; perEvent: LatencySummary & { meanMs: number | null }; applied: number; duplicates: number };

/**
 * The baseline: the worker's own processing function (processWebsiteEvent) called directly in
 * `concurrency` loops, no queue in between: the same CRM writes, nothing else.
 */
export async function runDirect(db: Db, events: WebsiteEventInput[], concurrency: number): Promise<DirectResult> {
  let next = 0;
  let applied = 0;
  let duplicates = 0;
  const durations: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < events.length; i = next++) {
        const event = events[i]!;
        const t = performance.now();
        const r = await processWebsiteEvent({ tenantId: event.tenantId, event, db });
        durations.push(performance.now() - t);
        if (r.outcome === "applied") applied++;
        else duplicates++;
      }
    }),
  );
  const meanMs = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null;
  return { perSecond: perSecond(events.length, performance.now() - started), perEvent: { ...summarize(durations), meanMs }, applied, duplicates };
}
