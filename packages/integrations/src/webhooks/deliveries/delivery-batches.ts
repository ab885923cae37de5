import { pgPoolOf, type Db } from "@real-estate/db";
import { createRecordGate } from "@real-estate/queue";

type Pool = NonNullable<ReturnType<typeof pgPoolOf>>;

/** A delivery with what signing and sending it needs (its endpoint's URL and live secrets). */
export type DeliveryRow = {
  tenantId: string;
  id: string;
  status: string;
  payload: unknown;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  disabledAt: Date | null;
};

/** A successful attempt to record: the delivery, the endpoint's answer and the attempt's time. */
export type DeliveredAttempt = { tenantId: string; deliveryId: string; status: number; latencyMs: number; excerpt: string; now: Date };

/** Deliveries read, or attempts recorded, per statement at most. */
const MAX_BATCH = 100;

/**
 * How long a delivery read ahead (when its job was claimed) is used instead of a fresh read: an
 * endpoint changed meanwhile (URL, secret, disabled) applies to deliveries read after the change,
 * so at most this much later than a read at the start of the attempt would apply it.
 */
export const READ_AHEAD_MAX_AGE_MS = 1_000;
/** Read-ahead rows no job took within this long are forgotten (their jobs were given back). */
const READ_AHEAD_FORGET_MS = 10_000;

/**
 * Gathers the calls made while a statement is in flight into the next statement (and, when idle,
 * the calls made in the same turn of the event loop): the worker runs several deliveries at once,
 * and one statement for many of them costs about what one costs for one. Each caller gets its own
 * item's answer, or the error of the statement that carried it.
 */
function createCoalescer<I, R>(run: (items: I[]) => Promise<R[]>) {
  let pending: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    while (pending.length > 0 && inFlight === 0) {
      const batch = pending.slice(0, MAX_BATCH);
      pending = pending.slice(MAX_BATCH);
      inFlight++;
      run(batch.map((b) => b.item))
        .then(
          (results) => batch.forEach((b, i) => b.resolve(results[i]!)),
          (error: unknown) => batch.forEach((b) => b.reject(error)),
        )
        .finally(() => {
          inFlight--;
          if (pending.length > 0) flush();
        });
    }
  };
  return (item: I) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled && inFlight === 0) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}

const READ_SQL = `
  SELECT d."tenantId"::text AS "tenantId", d.id::text AS id, d.status::text AS status, d.payload, e.url, e.secret, e."previousSecret",
         e."previousSecretExpiresAt", e."disabledAt"
    FROM unnest($1::uuid[], $2::uuid[]) AS k("tenantId", id)
    JOIN "WebhookDelivery" d ON d."tenantId" = k."tenantId" AND d.id = k.id
    JOIN "WebhookEndpoint" e ON e."tenantId" = d."tenantId" AND e.id = d."endpointId"`;

/**
 * Records successful attempts, many in one statement: each delivery (only while it is not
 * DELIVERED, so a late repeat changes nothing) gets DELIVERED with its answer, and an endpoint
 * among them whose failure clock runs gets it reset (only then is its row written; the rows are
 * locked in key order, so two workers never wait on each other's endpoints in a cycle).
 */
const DELIVERED_SQL = `
  WITH k AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::timestamp(3)[]) AS k("tenantId", id, code, latency, excerpt, at)
  ), upd AS (
    UPDATE "WebhookDelivery" d SET status = 'DELIVERED', attempts = d.attempts + 1, "responseStatus" = k.code, "latencyMs" = k.latency,
           "responseExcerpt" = k.excerpt, "lastError" = NULL, "lastAttemptAt" = k.at, "deliveredAt" = k.at, "updatedAt" = k.at
      FROM k WHERE d."tenantId" = k."tenantId" AND d.id = k.id AND d.status <> 'DELIVERED'
    RETURNING d."tenantId", d.id, d."endpointId", k.at
  ), failing AS (
    SELECT e."tenantId", e.id, u.at FROM "WebhookEndpoint" e
      JOIN (SELECT "tenantId", "endpointId", max(at) AS at FROM upd GROUP BY 1, 2) u ON e."tenantId" = u."tenantId" AND e.id = u."endpointId"
     WHERE e."failingSince" IS NOT NULL
     ORDER BY e."tenantId", e.id
       FOR UPDATE OF e
  ), ep AS (
    UPDATE "WebhookEndpoint" e SET "failingSince" = NULL, "updatedAt" = f.at FROM failing f WHERE e."tenantId" = f."tenantId" AND e.id = f.id
    RETURNING e.id
  )
  SELECT upd."tenantId"::text AS "tenantId", upd.id::text AS id, (SELECT count(*) FROM ep)::int AS "endpointsReset" FROM upd`;

type Key = { tenantId: string; deliveryId: string };

type Batches = {
  /** The delivery as read ahead for its job (if read within READ_AHEAD_MAX_AGE_MS), else read now, batched. */
  read: (key: Key) => Promise<DeliveryRow | null>;
  /** Reads these deliveries in one statement for the `read`s to come (the jobs just claimed). */
  readAhead: (keys: Key[]) => void;
  /**
   * Records a successful attempt with the others of the attempts in progress (decision 0071):
   * while any is still in progress (`begin`), written once RECORD_GATE_ROWS are waiting or after
   * RECORD_GATE_MAX_WAIT_MS; resolves true when this call wrote the DELIVERED record.
   */
  recordDelivered: (attempt: DeliveredAttempt) => Promise<boolean>;
  /**
   * Counts an attempt in progress until the returned `end` is called (at its record, or once it
   * ends without one; calling it again is harmless): records wait for attempts in progress only.
   */
  begin: () => () => void;
};

const keyOf = (k: Key) => `${k.tenantId.toLowerCase()}/${k.deliveryId.toLowerCase()}`;

async function readRows(pool: Pool, keys: Key[]): Promise<(DeliveryRow | null)[]> {
  const { rows } = await pool.query<DeliveryRow>({
    name: "webhook_deliveries_read",
    text: READ_SQL,
    values: [keys.map((k) => k.tenantId), keys.map((k) => k.deliveryId)],
  });
  const found = new Map(rows.map((r) => [keyOf({ tenantId: r.tenantId, deliveryId: r.id }), r]));
  return keys.map((k) => found.get(keyOf(k)) ?? null);
}

const byPool = new WeakMap<Pool, Batches>();

function batchesOn(pool: Pool): Batches {
  const readNow = createCoalescer<Key, DeliveryRow | null>((keys) => readRows(pool, keys));
  // Rows read ahead, by key: the time the statement was sent, and the row (null: not found) or
  // undefined when that statement failed (the job then reads for itself).
  const ahead = new Map<string, { sentAt: number; row: Promise<DeliveryRow | null | undefined> }>();
  const readAhead = (keys: Key[]) => {
    const now = Date.now();
    for (const [key, entry] of ahead) if (now - entry.sentAt > READ_AHEAD_FORGET_MS) ahead.delete(key);
    for (let i = 0; i < keys.length; i += MAX_BATCH) {
      const chunk = keys.slice(i, i + MAX_BATCH);
      const rows = readRows(pool, chunk).catch(() => chunk.map(() => undefined));
      chunk.forEach((k, j) => ahead.set(keyOf(k), { sentAt: now, row: rows.then((r) => r[j]) }));
    }
  };
  const read = async (key: Key) => {
    const entry = ahead.get(keyOf(key));
    if (entry) {
      ahead.delete(keyOf(key));
      const row = await entry.row;
      if (row !== undefined && Date.now() - entry.sentAt <= READ_AHEAD_MAX_AGE_MS) return row;
    }
    return readNow(key);
  };
  const writeDelivered = async (attempts: DeliveredAttempt[]): Promise<boolean[]> => {
    const { rows } = await pool.query<{ tenantId: string; id: string }>({
      name: "webhook_deliveries_delivered",
      text: DELIVERED_SQL,
      values: [
        attempts.map((a) => a.tenantId),
        attempts.map((a) => a.deliveryId),
        attempts.map((a) => a.status),
        attempts.map((a) => a.latencyMs),
        attempts.map((a) => a.excerpt),
        attempts.map((a) => a.now.toISOString()),
      ],
    });
    const written = new Set(rows.map((r) => keyOf({ tenantId: r.tenantId, deliveryId: r.id })));
    return attempts.map((a) => written.has(keyOf(a)));
  };
  type Waiting = { attempt: DeliveredAttempt; resolve: (written: boolean) => void; reject: (error: unknown) => void };
  let inProgress = 0;
  const gate = createRecordGate<Waiting>({
    maxRows: MAX_BATCH,
    busy: () => inProgress,
    write: (batch) =>
      writeDelivered(batch.map((b) => b.attempt)).then(
        (results) => batch.forEach((b, i) => b.resolve(results[i]!)),
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      ),
  });
  const recordDelivered = (attempt: DeliveredAttempt) => new Promise<boolean>((resolve, reject) => gate.add({ attempt, resolve, reject }));
  const begin = () => {
    inProgress++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      inProgress--;
      // The records waiting may have been waiting for this attempt only.
      gate.poke();
    };
  };
  return { read, readAhead, recordDelivered, begin };
}

/**
 * The delivery kind's two hot statements, batched across the deliveries in flight, as named
 * prepared statements on the node-postgres pool behind a pool-backed client (decision 0023's
 * `pgPoolOf`); null for any other client, which runs them one by one through Prisma.
 */
export function deliveryBatches(db: Db): Batches | null {
  const pool = pgPoolOf(db);
  if (!pool) return null;
  let batches = byPool.get(pool);
  if (!batches) {
    batches = batchesOn(pool);
    byPool.set(pool, batches);
  }
  return batches;
}
