import { getDb, type Db } from "@real-estate/db";
import type { ThrottleKey } from "./sign-in-keys";
import { signInThrottleSettings } from "./sign-in-throttle-settings";

// $1 key, $2 failures that lock, $3 first lock (s), $4 longest lock (s), $5 quiet period (s).
// `n` is the failure count after this one: 1 again when the last failure is older than the quiet period.
const N = `(CASE WHEN t."lastFailureAt" < now() - make_interval(secs => $5::float8) THEN 1 ELSE t."failures" + 1 END)`;
const COUNT_FAILURE = `
  INSERT INTO "sign_in_throttle" AS t ("key", "failures", "lastFailureAt", "lockedUntil")
  VALUES ($1, 1, now(), CASE WHEN 1 >= $2::int THEN now() + make_interval(secs => $3::float8) END)
  ON CONFLICT ("key") DO UPDATE SET
    "failures" = ${N},
    "lockedUntil" = CASE WHEN ${N} >= $2::int
      THEN now() + make_interval(secs => least($4::float8, $3::float8 * power(2, ${N} - $2::int)))
      END,
    "lastFailureAt" = now()`;

const FORGET_QUIET = `DELETE FROM "sign_in_throttle" WHERE "lastFailureAt" < now() - make_interval(secs => $1::float8) AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;

/**
 * Counts one failed sign-in on each counter, one statement per counter, so app instances
 * racing on a key count every failure. At its limit of failures a counter is locked: the first
 * lock lasts `lockSeconds`, each further failure doubles it up to `maxLockSeconds`; a failure
 * after a quiet period starts the count again. Now and then, counters quiet for longer than
 * the quiet period are deleted, so guessing at many emails does not grow the table forever.
 */
export async function recordSignInFailure(options: { keys: ThrottleKey[]; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  const s = signInThrottleSettings();
  for (const { key, lockAfter } of options.keys) {
    await db.$executeRawUnsafe(COUNT_FAILURE, key, lockAfter, s.lockSeconds, s.maxLockSeconds, s.quietSeconds);
  }
  if (Math.random() < 0.01) await db.$executeRawUnsafe(FORGET_QUIET, s.quietSeconds);
}
