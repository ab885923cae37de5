// What each accepted event turned into: queue jobs, ledger rows, timeline activities.
import pg from "pg";

/** application_name of the suite's own check connections (spared by pg_terminate_backend). */
export const CHECK_APP_NAME = "reliability-check";

export type EffectCounts = { eventId: string; jobs: number; statuses: string; ledger: number; activities: number };

export async function checkClient(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: CHECK_APP_NAME });
  // A server restart ends this connection; the test reconnects, so the event is not an error here.
  c.on("error", () => {});
  await c.connect();
  return c;
}

export async function effectsOf(client: pg.Client, eventIds: string[]): Promise<EffectCounts[]> {
  const r = await client.query<EffectCounts>(
    `SELECT e.id AS "eventId",
            (SELECT count(*)::int FROM "IngestionJob" j WHERE j."eventId" = e.id) AS jobs,
            (SELECT COALESCE(string_agg(j.status::text, ','), '') FROM "IngestionJob" j WHERE j."eventId" = e.id) AS statuses,
            (SELECT count(*)::int FROM "IngestedEvent" l WHERE l."eventId" = e.id) AS ledger,
            (SELECT count(*)::int FROM "Activity" a WHERE a."eventId" = e.id) AS activities
       FROM unnest($1::text[]) AS e(id)`,
    [eventIds],
  );
  return r.rows;
}

/** Accepted events with no CRM effect (lost) and with more than one (doubled). */
export function tallyEffects(rows: EffectCounts[]): { lost: string[]; doubled: string[]; deadLettered: string[] } {
  return {
    lost: rows.filter((r) => r.activities === 0 || r.ledger === 0).map((r) => r.eventId),
    doubled: rows.filter((r) => r.activities > 1 || r.jobs > 1).map((r) => r.eventId),
    deadLettered: rows.filter((r) => r.statuses.includes("DEAD_LETTERED")).map((r) => r.eventId),
  };
}

/** Jobs not yet COMPLETED or DEAD_LETTERED. */
/** Website events not yet applied. Other kinds (e-mail delivery, which needs an SMTP server the suite does not start) are not this suite's subject. */
export async function openJobCount(client: pg.Client): Promise<number> {
  const r = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "IngestionJob" WHERE status IN ('PENDING', 'PROCESSING') AND kind = 'website-event'`,
  );
  return r.rows[0]!.n;
}
