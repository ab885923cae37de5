import { getDb, type Db } from "@real-estate/db";
import type { ThrottleKey } from "./sign-in-keys";

export type ThrottleCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Whether any of these counters is locked now; a locked sign-in is refused before its password is looked at. */
export async function checkSignInThrottle(options: { keys: ThrottleKey[]; db?: Db }): Promise<ThrottleCheck> {
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<{ seconds: number | null }[]>`
    SELECT ceil(extract(epoch FROM max("lockedUntil") - now()))::float8 AS seconds
    FROM "sign_in_throttle"
    WHERE "key" = ANY(${options.keys.map((k) => k.key)}::text[]) AND "lockedUntil" > now()`;
  const seconds = rows[0]?.seconds;
  return seconds ? { ok: false, retryAfterSeconds: Math.max(1, seconds) } : { ok: true };
}
