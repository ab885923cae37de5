// A few dead letters for the studio's dead-letter page: website events that reached the queue
// and failed the way real ones do (a database restart during an outage, a worker killed on the
// last attempt, a phone number that is not one), so a newcomer sees the grouping by error, the
// masked payload preview and a re-drive (the first two succeed when re-driven; the third fails
// again, as a permanent error should). Sample people only.
import type { Db } from "@real-estate/db";
import { ZWebsiteEvent, type WebsiteEvent, type WebsiteEventInput } from "@real-estate/types";
import type { SeedTenant } from "../data";

type DeadLetterSpec = {
  key: string;
  /** Hours before the seed's anchor when it was dead-lettered. */
  hoursAgo: number;
  error: string;
  errorClass: "transient" | "permanent";
  /** Attempts made; default all (the queue's default maximum for these event types, 6). */
  attempts?: number;
  event: (base: { eventId: string; tenantId: string; occurredAt: string }) => WebsiteEventInput;
};

/** The queue table's default maxAttempts, which is also the queue's maximum for lead.submitted and valuation.requested. */
const QUEUE_MAX_ATTEMPTS = 6;
const OUTAGE = "57P01 terminating connection due to administrator command";

const leadFrom = (firstName: string, email: string, message: string, pageUrl: string) => (base: { eventId: string; tenantId: string; occurredAt: string }) =>
  ({
    ...base,
    type: "lead.submitted",
    source: { pageUrl, utmSource: "google", utmMedium: "cpc" },
    payload: { contact: { firstName, lastName: "Sample", email }, message },
  }) satisfies WebsiteEventInput;

/** What each demo brokerage's dead-letter page shows (the first brokerage gets every kind). */
function specsFor(tenant: SeedTenant, first: boolean): DeadLetterSpec[] {
  const site = `https://${tenant.slug}.localhost`;
  const outage: DeadLetterSpec[] = [
    {
      key: "outage-1",
      hoursAgo: 6,
      error: OUTAGE,
      errorClass: "transient",
      event: leadFrom("Morgan", `morgan.sample@example.com`, "Sample message: is the house on Mill Plain Road still available?", `${site}/contact`),
    },
    {
      key: "outage-2",
      hoursAgo: 6,
      error: OUTAGE,
      errorClass: "transient",
      event: leadFrom("Riley", `riley.sample@example.com`, "Sample message: we would like to see homes near the beach this weekend.", `${site}/contact`),
    },
  ];
  if (!first) return outage.slice(0, 1);
  return [
    ...outage,
    {
      key: "outage-3",
      hoursAgo: 5,
      error: OUTAGE,
      errorClass: "transient",
      event: leadFrom("Casey", `casey.sample@example.com`, "Sample message: please send the disclosure for the colonial.", `${site}/homes`),
    },
    {
      key: "lease-expired",
      hoursAgo: 30,
      error: "lease expired on the last attempt (6): the worker processing it stopped",
      errorClass: "permanent",
      event: (base) => ({
        ...base,
        type: "valuation.requested",
        source: { pageUrl: `${site}/home-value` },
        payload: {
          contact: { firstName: "Jamie", lastName: "Sample", email: "jamie.sample@example.com" },
          property: { address: "41 Harbor Road (sample address)", bedrooms: 3, bathrooms: 2, livingArea: 1900 },
        },
      }),
    },
    {
      key: "bad-phone",
      hoursAgo: 52,
      error: "invalid payload: contact has no email and no valid phone number",
      errorClass: "permanent",
      attempts: 1,
      event: (base) => ({
        ...base,
        type: "lead.submitted",
        source: { pageUrl: `${site}/contact` },
        payload: { contact: { firstName: "Avery", lastName: "Sample", phone: "555-0100" }, message: "Sample message: call me back please." },
      }),
    },
  ];
}

/**
 * Inserts the tenant's demo dead letters, already dead-lettered (never pending, so a running
 * worker cannot pick one up half-seeded). Keyed on deterministic event ids: a second run adds
 * nothing and leaves alone what an operator did since (a re-driven or completed one stays so); an
 * event the ledger holds (processed and pruned) is not queued again. No request hash is stored
 * (as for jobs queued before it existed): nobody sends these events again. Returns how many the
 * tenant's demo holds.
 */
export async function seedDemoDeadLetters(db: Db, options: { tenantId: string; tenant: SeedTenant; anchor: Date; first: boolean }): Promise<number> {
  const { tenantId, anchor } = options;
  const rows = specsFor(options.tenant, options.first).map((spec) => {
    const deadAt = new Date(anchor.getTime() - spec.hoursAgo * 3_600_000);
    const firstAttempt = new Date(deadAt.getTime() - (spec.attempts === 1 ? 0 : 7 * 3_600_000));
    const event: WebsiteEvent = ZWebsiteEvent.parse(
      spec.event({ eventId: `demo-dead-letter-${options.tenant.slug}-${spec.key}`, tenantId, occurredAt: firstAttempt.toISOString() }),
    );
    return {
      eventId: event.eventId,
      type: event.type,
      payload: JSON.stringify(event),
      attempts: spec.attempts ?? QUEUE_MAX_ATTEMPTS,
      error: spec.error,
      errorClass: spec.errorClass,
      firstAttempt: firstAttempt.toISOString(),
      deadAt: deadAt.toISOString(),
    };
  });
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await db.$executeRaw`
    INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "maxAttempts", "nextAttemptAt",
                                "lastError", "lastErrorClass", "firstAttemptAt", "lastAttemptAt", "deadLetteredAt", "createdAt", "updatedAt")
    SELECT ${tenantId}::uuid, i.event_id, i.type, i.payload, 'DEAD_LETTERED', i.attempts, ${QUEUE_MAX_ATTEMPTS}, i.dead_at,
           i.error, i.error_class, i.first_attempt, i.dead_at, i.dead_at, i.first_attempt, i.dead_at
      FROM unnest(${col("eventId")}::text[], ${col("type")}::text[], ${col("payload")}::jsonb[], ${col("attempts")}::int[], ${col("error")}::text[],
                  ${col("errorClass")}::text[], ${col("firstAttempt")}::timestamp(3)[], ${col("deadAt")}::timestamp(3)[])
           AS i(event_id, type, payload, attempts, error, error_class, first_attempt, dead_at)
     WHERE NOT EXISTS (SELECT 1 FROM "IngestedEvent" e WHERE e."tenantId" = ${tenantId}::uuid AND e."eventId" = i.event_id)
    ON CONFLICT ("tenantId", kind, "eventId") DO NOTHING`;
  return rows.length;
}
