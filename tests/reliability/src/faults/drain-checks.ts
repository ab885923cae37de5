import type pg from "pg";
import { enqueueWebsiteEvent } from "@real-estate/queue";
import type { Db } from "@real-estate/db";
import { runPool } from "../http/raw-request";
import { leadEvent } from "./lead-bodies";
import { openJobCount } from "./crm-effects";

/** Enqueues `count` events alternating between the tenants; returns their eventIds. */
export async function enqueueEvents(db: Db, tenantIds: string[], tag: string, count: number, from = 0): Promise<string[]> {
  const ids = await runPool(
    Array.from({ length: count }, (_, k) => from + k),
    8,
    async (i) => {
      const tenantId = tenantIds[i % tenantIds.length]!;
      const r = await enqueueWebsiteEvent({ tenantId, event: leadEvent(tenantId, tag, i), db });
      return r.eventId;
    },
  );
  return ids;
}

/** Waits until no job is PENDING or PROCESSING (bounded); returns whether it got there. */
export async function waitForDrained(check: pg.Client, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await openJobCount(check)) === 0) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
