// The worker's warm-up, the same as the direct sender's: before the measured round the worker
// process delivers WARM_UP deliveries of its own (its first claims, connections, compiled code),
// as the sender POSTs 100 before its measured round. The measured deliveries are stored before
// the worker starts, held back (due in a day) until its warm-up is delivered, then made due at
// once with a NOTIFY, so the worker meets a full backlog warm, as the sender does.
import type pg from "pg";
import { QUEUE_NOTIFY_CHANNEL } from "@real-estate/queue";
import { WEBHOOK_DELIVER_KIND } from "@real-estate/integrations";

/** Deliveries the worker makes before its measured round: the direct sender's warm-up. */
export const WARM_UP = 100;

/** Delays the webhook jobs of `deliveryIds` by a day: the worker does not claim them until released. */
export async function holdDeliveries(pool: pg.Pool, tenantIds: string[], deliveryIds: string[]): Promise<void> {
  const held = await pool.query(
    `UPDATE "IngestionJob" SET "nextAttemptAt" = now() + interval '1 day'
      WHERE "tenantId" = ANY($1::uuid[]) AND kind = $2 AND status = 'PENDING' AND payload->>'deliveryId' = ANY($3::text[])`,
    [tenantIds, WEBHOOK_DELIVER_KIND, deliveryIds],
  );
  if (held.rowCount !== deliveryIds.length) throw new Error(`held ${held.rowCount} webhook jobs, expected ${deliveryIds.length}`);
}

/** Makes the held jobs due now and wakes the worker, as an enqueue's commit does. */
export async function releaseDeliveries(pool: pg.Pool, tenantIds: string[], deliveryIds: string[]): Promise<void> {
  const released = await pool.query(
    `UPDATE "IngestionJob" SET "nextAttemptAt" = now()
      WHERE "tenantId" = ANY($1::uuid[]) AND kind = $2 AND status = 'PENDING' AND payload->>'deliveryId' = ANY($3::text[])`,
    [tenantIds, WEBHOOK_DELIVER_KIND, deliveryIds],
  );
  if (released.rowCount !== deliveryIds.length) throw new Error(`released ${released.rowCount} webhook jobs, expected ${deliveryIds.length}`);
  await pool.query(`SELECT pg_notify($1, '')`, [QUEUE_NOTIFY_CHANNEL]);
}
