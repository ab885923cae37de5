import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { API_KEY_PREFIX, apiKeySelect, hashApiKey, type ApiKeyRow } from "./api-key-select";

/** lastUsedAt is written at most this often per key (default 60 s), not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a process may answer a request with a key it verified against the database without
 * reading the key's row again (decision 0033). A revocation, or a change of the key's limit, made
 * in the same process applies to its next request; one made by another instance of the CRM
 * applies there within this time.
 */
export const VERIFIED_API_KEY_TTL_MS = 5_000;

/**
 * A remembered verification this old (four fifths of its `maxAgeMs`) still answers the request,
 * and its row is read again beside it: a key in steady use is re-verified off its requests' path,
 * about as often as before (once per 4 s of a 5-s bound rather than once per 5 s), and no answer
 * ever rests on a verification older than `maxAgeMs` (decision 0067). The read still takes the
 * server's CPU while a request runs, so it is not made earlier than needed.
 */
const REFRESH_AFTER_SHARE = 0.8;

/** Verified keys one process remembers at most (the oldest verification is forgotten first). */
const MAX_VERIFIED_KEYS = 10_000;

type Verified = { row: ApiKeyRow; verifiedAt: number };
// Keyed by tenant and the key's sha256, never by the key itself; only keys that verified are kept.
const globalForKeys = globalThis as unknown as { __verifiedApiKeys?: Map<string, Verified> };
const verifiedKeys = (globalForKeys.__verifiedApiKeys ??= new Map<string, Verified>());
// Counts forgets: a row read before a revocation in this process is not remembered after it.
const globalForForgets = globalThis as unknown as { __verifiedApiKeyForgets?: { n: number } };
const forgets = (globalForForgets.__verifiedApiKeyForgets ??= { n: 0 });
// The reads of a key's row in flight in this process, by cache key.
const globalForReads = globalThis as unknown as { __apiKeyReads?: Map<string, Promise<ApiKeyRow | null>> };
const keyReads = (globalForReads.__apiKeyReads ??= new Map<string, Promise<ApiKeyRow | null>>());

/** Forgets what this process verified of one key (after its revocation or an edit), or of every key. */
export function forgetVerifiedApiKeys(options: { tenantId: string; apiKeyId: string } | "all"): void {
  forgets.n++;
  // A request after this one reads the row again rather than share a read begun before it.
  keyReads.clear();
  if (options === "all") return verifiedKeys.clear();
  for (const [cacheKey, { row }] of verifiedKeys) {
    if (row.tenantId === options.tenantId && row.id === options.apiKeyId) verifiedKeys.delete(cacheKey);
  }
}

async function touch(db: Db, row: ApiKeyRow, now: number): Promise<void> {
  if (row.lastUsedAt && now - row.lastUsedAt.getTime() <= LAST_USED_RESOLUTION_MS) return;
  row.lastUsedAt = new Date(now);
  await db.apiKey.update({ where: { tenantId_id: { tenantId: row.tenantId, id: row.id } }, data: { lastUsedAt: row.lastUsedAt } });
}

/**
 * The tenant's active key matching this secret, or null (unknown, revoked, or another
 * tenant's key: a key only works on its own tenant). With `maxAgeMs`, a key this process verified
 * at most that long ago is answered without reading its row (request paths pass
 * VERIFIED_API_KEY_TTL_MS); without it the row is always read.
 */
export async function verifyApiKey(options: { tenantId: string; key: string; db?: Db; maxAgeMs?: number }): Promise<ApiKeyRow | null> {
  const db = options.db ?? getDb();
  if (!options.key.startsWith(API_KEY_PREFIX) || options.key.length > 200) return null;
  const keyHash = hashApiKey(options.key);
  const cacheKey = `${options.tenantId}:${keyHash}`;
  const maxAgeMs = options.maxAgeMs ?? 0;
  if (maxAgeMs > 0) {
    const cached = verifiedKeys.get(cacheKey);
    const now = Date.now();
    if (cached && now - cached.verifiedAt < maxAgeMs) {
      if (now - cached.verifiedAt >= maxAgeMs * REFRESH_AFTER_SHARE && !keyReads.has(cacheKey)) {
        // A failed read is not the request's: the remembered verification expires as usual, and
        // the first request after that reads the row itself (and sees the error).
        readShared(db, options.tenantId, keyHash, cacheKey).catch(() => {});
      }
      // lastUsedAt (minute resolution) is written beside the request, not before its answer.
      touch(db, cached.row, now).catch((error: unknown) => console.error("api key lastUsedAt not written:", error));
      return cached.row;
    }
    if (cached) verifiedKeys.delete(cacheKey);
  }
  if (maxAgeMs <= 0) return readAndRemember(db, options.tenantId, keyHash, cacheKey, false);
  const row = await (keyReads.get(cacheKey) ?? readShared(db, options.tenantId, keyHash, cacheKey));
  if (row) await touch(db, row, Date.now());
  return row;
}

/**
 * One read per key at a time: the requests that arrive while a key's row is being read (every
 * request of a busy client when its remembered verification expires, or while it is refreshed)
 * share that read.
 */
function readShared(db: Db, tenantId: string, keyHash: string, cacheKey: string): Promise<ApiKeyRow | null> {
  const read = readAndRemember(db, tenantId, keyHash, cacheKey, true).finally(() => {
    if (keyReads.get(cacheKey) === read) keyReads.delete(cacheKey);
  });
  keyReads.set(cacheKey, read);
  return read;
}

async function readAndRemember(db: Db, tenantId: string, keyHash: string, cacheKey: string, remember: boolean): Promise<ApiKeyRow | null> {
  const forgetsBefore = forgets.n;
  // The verification dates from when the read began: what was committed after that, it may miss.
  const readAt = Date.now();
  const row = await db.apiKey.findUnique({
    where: { tenantId_keyHash: { tenantId, keyHash } },
    select: apiKeySelect,
  });
  if (!row || row.revokedAt) {
    // Revoked elsewhere (or gone): a refresh stops the remembered verification answering at once.
    if (remember && forgets.n === forgetsBefore) verifiedKeys.delete(cacheKey);
    return null;
  }
  if (remember && forgets.n === forgetsBefore) {
    verifiedKeys.delete(cacheKey); // re-inserted as the newest
    if (verifiedKeys.size >= MAX_VERIFIED_KEYS) verifiedKeys.delete(verifiedKeys.keys().next().value!);
    verifiedKeys.set(cacheKey, { row, verifiedAt: readAt });
  }
  if (!remember) await touch(db, row, Date.now());
  return row;
}
