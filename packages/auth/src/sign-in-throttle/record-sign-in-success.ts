import { getDb, type Db } from "@real-estate/db";
import type { ThrottleKey } from "./sign-in-keys";

/**
 * A successful sign-in forgets its account's failures. Address counters are kept: otherwise
 * a guesser could clear its address by signing in to an account of its own between guesses.
 */
export async function recordSignInSuccess(options: { keys: ThrottleKey[]; db?: Db }): Promise<void> {
  const db = options.db ?? getDb();
  const accounts = options.keys.map((k) => k.key).filter((key) => !key.startsWith("address:"));
  if (accounts.length) await db.$executeRaw`DELETE FROM "sign_in_throttle" WHERE "key" = ANY(${accounts}::text[])`;
}
