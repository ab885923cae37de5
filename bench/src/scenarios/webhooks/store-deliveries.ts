// The deliveries a round of the webhooks bench sends: one endpoint per tenant at a path on the
// receiver, the worker's warm-up deliveries (warm-worker.ts) queued first, then the measured ones,
// queued as a business change queues them (WebhookDelivery rows and their webhook.deliver jobs)
// and held back until the worker's warm-up is delivered.
import { createWebhookEndpoint, queueWebhookEvents, type WebhookEvent } from "@real-estate/integrations";
import type { WebhookSink } from "@real-estate/webhook-sink";
import { fmt, log } from "../../lib/context";
import type { openPlatformDb } from "../../lib/platform-db";
import type { StoredDelivery } from "./direct-posts";
import { holdDeliveries, WARM_UP } from "./warm-worker";

export type StoredRound = {
  /** This round's endpoint of each tenant (the tenants' earlier ones are disabled). */
  endpointIds: string[];
  /** The measured deliveries, in the order they were queued; their jobs are held. */
  rows: StoredDelivery[];
};

/** One round of the bench: `n` deliveries to `path` on the receiver, named `label` in its output. */
export type Round = {
  p: Awaited<ReturnType<typeof openPlatformDb>>;
  sink: WebhookSink;
  tenantIds: string[];
  label: string;
  path: string;
  n: number;
};

/**
 * Stores the round's `n` measured deliveries and WARM_UP warm-up ones, spread over the tenants, to
 * one new endpoint per tenant at `path` on the receiver; holds the measured ones' jobs (warm-worker.ts).
 */
export async function storeDeliveries({ p, sink, tenantIds, label, path, n }: Round): Promise<StoredRound> {
  const endpointIds: string[] = [];
  const measured: { tenantId: string; events: WebhookEvent[] }[] = [];
  const leadEvent = (id: string, i: number): WebhookEvent => ({
    type: "lead.created",
    data: { lead: { id, source: "website", status: "NEW", listingKey: `BENCH-${i}` }, contact: { id: `bench-contact-${i}` } },
  });
  for (const [t, tenantId] of tenantIds.entries()) {
    const created = await createWebhookEndpoint({
      tenantId,
      input: { url: `${sink.url}${path}/${label}-${t}`, description: `bench receiver (${label})`, events: ["lead.created"] },
      createdByUserId: null,
      db: p.db,
    });
    if (!created.ok) throw new Error(`webhook endpoint not created: ${JSON.stringify(created.fields)}`);
    endpointIds.push(created.endpoint.id);
    const events: WebhookEvent[] = [];
    for (let i = t; i < n; i += tenantIds.length) events.push(leadEvent(`bench-${label}-lead-${i}`, i));
    measured.push({ tenantId, events });
    // Only this phase's endpoint receives: the tenant's earlier ones are disabled before its events
    // are queued (else each event also got a delivery to the earlier phase's endpoint, which the
    // worker then ran as a job of this phase).
    await p.pool.query(`UPDATE "WebhookEndpoint" SET "disabledAt" = now() WHERE "tenantId" = $1 AND id <> $2 AND "disabledAt" IS NULL`, [
      tenantId,
      created.endpoint.id,
    ]);
    // The worker's warm-up deliveries first, so it claims them first (warm-worker.ts).
    const warmUp: WebhookEvent[] = [];
    for (let i = t; i < WARM_UP; i += tenantIds.length) warmUp.push(leadEvent(`bench-${label}-warm-up-${i}`, i));
    await p.db.$transaction((tx) => queueWebhookEvents(tx, { tenantId, events: warmUp }));
  }
  const warmUpIds = (await p.pool.query<{ id: string }>(`SELECT id FROM "WebhookDelivery" WHERE "endpointId" = ANY($1::uuid[])`, [endpointIds])).rows.map(
    (r) => r.id,
  );
  if (warmUpIds.length !== WARM_UP) throw new Error(`${warmUpIds.length} warm-up deliveries stored, expected ${WARM_UP}`);
  for (const { tenantId, events } of measured)
    for (let i = 0; i < events.length; i += 500) await p.db.$transaction((tx) => queueWebhookEvents(tx, { tenantId, events: events.slice(i, i + 500) }));
  const rows = (
    await p.pool.query<StoredDelivery>(
      `SELECT d.id, d.payload, e.secret, e.url FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."tenantId" = d."tenantId" AND e.id = d."endpointId"
        WHERE d."endpointId" = ANY($1::uuid[]) AND NOT d.id = ANY($2::uuid[]) ORDER BY d."createdAt", d.id`,
      [endpointIds, warmUpIds],
    )
  ).rows;
  if (rows.length !== n) throw new Error(`${rows.length} deliveries stored, expected ${n}`);
  await holdDeliveries(
    p.pool,
    tenantIds,
    rows.map((r) => r.id),
  );
  log(
    `${label}: ${fmt(n)} deliveries stored (${fmt(Math.round(rows.reduce((s, r) => s + JSON.stringify(r.payload).length, 0) / rows.length))} bytes of payload each)`,
  );

  return { endpointIds, rows };
}
