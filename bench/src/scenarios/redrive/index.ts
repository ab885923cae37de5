import { requeueDeadLetters } from "@real-estate/queue";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb, type PlatformDb } from "../../lib/platform-db";

/** Fills the queue with `count` dead letters over the tenants, set-based. */
async function seedDeadLetters(p: PlatformDb, tenantIds: string[], count: number) {
  await p.pool.query(
    `INSERT INTO "IngestionJob" ("tenantId", "eventId", "eventType", payload, status, attempts, "maxAttempts", "nextAttemptAt",
       "lastError", "lastErrorClass", "firstAttemptAt", "lastAttemptAt", "deadLetteredAt", "createdAt", "updatedAt")
     SELECT ($1::uuid[])[1 + g % array_length($1::uuid[], 1)], 'dead-' || g, 'lead.submitted',
       jsonb_build_object('type', 'lead.submitted', 'eventId', 'dead-' || g), 'DEAD_LETTERED', 6, 6, now() - interval '1 day',
       'connect ECONNREFUSED 10.0.0.1:25 (bench)', 'transient', now() - interval '2 days', now() - interval '1 day',
       now() - interval '1 day' + g * interval '1 ms', now() - interval '2 days', now() - interval '1 day'
     FROM generate_series(1, $2::int) AS g`,
    [tenantIds, count],
  );
}

/** Puts the re-driven rows back to the dead-letter state and vacuums, so both runs start alike. */
async function restoreDeadLetters(p: PlatformDb) {
  await p.pool.query(
    `UPDATE "IngestionJob" SET status = 'DEAD_LETTERED', attempts = 6, "nextAttemptAt" = now() - interval '1 day',
       "deadLetteredAt" = now() - interval '1 day', "redriveId" = NULL, "updatedAt" = now() WHERE status <> 'DEAD_LETTERED'`,
  );
  await p.pool.query(`VACUUM ANALYZE "IngestionJob"`);
}

/** The baseline: the same state change as a re-drive, as one bare statement on the same rows. */
async function bareUpdate(p: PlatformDb): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const r = await p.pool.query(
    `UPDATE "IngestionJob" SET status = 'PENDING', attempts = 0, "nextAttemptAt" = now(), "deadLetteredAt" = NULL,
       "redriveCount" = "redriveCount" + 1, "lockedAt" = NULL, "lockedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
     WHERE status = 'DEAD_LETTERED'`,
  );
  return { seconds: (performance.now() - started) / 1000, rows: r.rowCount ?? 0 };
}

export async function runRedriveScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const n = ctx.sizes.redriveJobs;
  const p = await openPlatformDb("redrive");
  try {
    const tenants = await createBenchTenants(p.db, [`redrive-a-${ctx.runId}`, `redrive-b-${ctx.runId}`]);
    await seedDeadLetters(
      p,
      tenants.map((t) => t.tenantId),
      n,
    );
    await p.pool.query(`VACUUM ANALYZE "IngestionJob"`);
    log(`${fmt(n)} dead letters over ${tenants.length} tenants`);
    const bare = await bareUpdate(p);
    log(`bare UPDATE of the same rows: ${fmt(bare.seconds, 2)} s (${fmt(bare.rows)} rows)`);
    await restoreDeadLetters(p);
    const started = performance.now();
    // The first progress report comes after the claim (every selected row marked with the
    // re-drive's id) and the first batch: where the time goes, claim vs the requeue batches.
    let firstBatchAt: number | null = null;
    let batches = 0;
    const result = await requeueDeadLetters({
      selection: { all: true },
      actor: "bench",
      origin: "cli",
      db: p.db,
      onProgress: () => {
        batches++;
        firstBatchAt ??= performance.now();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const claimSeconds = firstBatchAt === null ? null : (firstBatchAt - started) / 1000;
    log(`requeueDeadLetters (all): ${fmt(seconds, 2)} s, matched ${fmt(result.matched)}, requeued ${fmt(result.requeued)}`);
    if (claimSeconds !== null) {
      log(
        `where the time goes: claim + first batch ${fmt(claimSeconds, 2)} s, then ${fmt(batches - 1)} more batches of 1,000 in ${fmt(seconds - claimSeconds, 2)} s`,
      );
    }
    const pending = await p.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "IngestionJob" WHERE status = 'PENDING' AND attempts = 0`);
    const requeuedInDb = Number(pending.rows[0]!.n);
    if (requeuedInDb !== n || result.requeued !== n) throw new Error(`re-drive requeued ${result.requeued} (database shows ${requeuedInDb}), expected ${n}`);
    return {
      scenario: "redrive",
      figures: [
        figure({
          scenario: "redrive",
          name: `re-drive ${fmt(n)} dead letters`,
          unit: "s",
          better: "lower",
          value: seconds,
          baseline: { label: "one bare UPDATE", value: bare.seconds },
          goal: { text: "<= 2 x bare UPDATE", ratioAtMost: 2 },
        }),
      ],
      details: {
        deadLetters: n,
        redriveSeconds: seconds,
        claimAndFirstBatchSeconds: claimSeconds,
        batches,
        bareUpdateSeconds: bare.seconds,
        matched: result.matched,
        requeued: result.requeued,
      },
    };
  } finally {
    await p.close();
  }
}
