// The outbox's durability: 1,000 e-mails queued, the worker process SIGKILLed again and again while
// it delivers them to a real SMTP server (the project's sink) and restarted. Counted by Message-ID
// at the SMTP server: none lost, and a message arrives twice only when it was in flight at a kill
// (accepted by the server, its SENT not yet committed), with its original Message-ID.
// Run: npm run test:integration (in services/ingestion-worker).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { queueEmails, type OutgoingEmail } from "@real-estate/mail";
import { requeueDeadLetters } from "@real-estate/queue";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import { seededRandom } from "./crash-events";

const MESSAGES = Number(process.env.OUTBOX_CRASH_MESSAGES ?? 1_000);
const MIN_KILLS = 12;
const SEED = Number(process.env.CRASH_TEST_SEED ?? Date.now() % 1_000_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const random = seededRandom(SEED);

let database: TestDatabase;
let sink: SmtpSink;
beforeAll(async () => {
  database = await createTestDatabase("outboxcrash");
  sink = await startSmtpSink({ smtpPort: 0, httpPort: null, maxMessages: 100_000 });
});
afterAll(async () => {
  await sink?.close();
  await database?.drop();
});

type Child = { process: ChildProcess; exited: Promise<number | null> };

function startWorker(): Child {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/bin/drain.ts")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      INGESTION_KINDS: "email.deliver",
      INGESTION_LEASE_MS: "3000",
      INGESTION_CONCURRENCY: "8",
      INGESTION_BATCH_SIZE: "20",
      INGESTION_POLL_INTERVAL_MS: "200",
      METRICS_PORT: "off",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      if (code !== 0 && code !== null) console.error(`worker exited with ${code}: ${stderr}`);
      resolve(code);
    }),
  );
  return { process: child, exited };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const received = () => sink.messages().length;

const LEASE_GUARD = "lease expired on the last attempt";
let redriven = 0;

/**
 * The operator's re-drive of delivery jobs the lease guard dead-lettered: a worker killed while it
 * held a job on its last attempt (as in crash.integration.test.ts); its message is then delivered
 * by the re-driven job. Any other dead letter fails the test.
 */
async function redriveLeaseGuardDeadLetters(): Promise<void> {
  const { db } = database;
  const dead = await db.ingestionJob.findMany({ where: { kind: "email.deliver", status: "DEAD_LETTERED" }, select: { lastError: true } });
  expect(dead.filter((d) => !d.lastError?.startsWith(LEASE_GUARD))).toEqual([]);
  if (dead.length === 0) return;
  const redrive = await requeueDeadLetters({ selection: { all: true, filter: { error: LEASE_GUARD } }, actor: "outbox-crash-test", origin: "cli", db });
  redriven += redrive.requeued;
}

/** Message-IDs the SMTP server accepted whose message is not recorded SENT: in flight when the worker died. */
async function acceptedButUnrecorded(): Promise<string[]> {
  const ids = [...new Set(sink.messages().map((m) => (m.messageId ?? "").replace(/^<|>$/g, "")))];
  const rows = await database.db.$queryRaw<{ messageId: string }[]>`
    SELECT "messageId" FROM "EmailMessage" WHERE "messageId" = ANY(${ids}::text[]) AND status <> 'SENT'`;
  return rows.map((r) => r.messageId);
}

describe("outbox crash test", () => {
  it(`SIGKILLs the worker at least ${MIN_KILLS} times while it delivers ${MESSAGES} e-mails: none lost, repeats only for those in flight`, async () => {
    const { db } = database;
    const tenants = [await createTenantFixture(db, { slug: "mailcrash-a" }), await createTenantFixture(db, { slug: "mailcrash-b" })];
    for (let t = 0; t < tenants.length; t++) {
      const emails: OutgoingEmail[] = [];
      for (let i = t; i < MESSAGES; i += tenants.length)
        emails.push({
          template: "password-reset",
          to: { address: `person-${i}@example.test` },
          props: { resetUrl: `http://x.localhost/reset?n=${i}`, validMinutes: 60 },
        });
      for (let i = 0; i < emails.length; i += 250) await queueEmails(db, { tenantId: tenants[t]!.tenantId, emails: emails.slice(i, i + 250) });
    }
    const queued = await db.emailMessage.findMany({ where: { tenantId: { in: tenants.map((t) => t.tenantId) } }, select: { messageId: true } });
    expect(queued).toHaveLength(MESSAGES);

    const inFlight = new Set<string>();
    const inFlightPerKill: number[] = [];
    const started = Date.now();
    while (inFlightPerKill.length < MIN_KILLS) {
      const child = startWorker();
      const before = received();
      const killAfter = 15 + Math.floor(random() * 45);
      await until(() => received() >= before + killAfter, 120_000, "the worker to deliver");
      child.process.kill("SIGKILL");
      expect(await child.exited).toBeNull();
      // Let the server finish any message whose data had fully arrived before the connection dropped.
      await new Promise((r) => setTimeout(r, 300));
      const unrecorded = await acceptedButUnrecorded();
      unrecorded.forEach((id) => inFlight.add(id));
      inFlightPerKill.push(unrecorded.length);
      if (new Set(sink.messages().map((m) => m.messageId)).size >= MESSAGES)
        throw new Error(`everything was delivered after only ${inFlightPerKill.length} kills`);
    }
    const last = startWorker();
    await until(
      async () => {
        await redriveLeaseGuardDeadLetters();
        return (await db.emailMessage.count({ where: { status: "SENT" } })) === MESSAGES;
      },
      300_000,
      "every message to be SENT",
    );
    // Jobs of killed workers come back when their lease ends, and a delivery that found its message
    // held retries after its backoff: each then finds SENT and completes without sending.
    await until(
      async () => {
        await redriveLeaseGuardDeadLetters();
        return (await db.ingestionJob.count({ where: { kind: "email.deliver", status: { not: "COMPLETED" } } })) === 0;
      },
      180_000,
      "every delivery job to complete",
    );
    last.process.kill("SIGTERM");
    expect(await last.exited).toBe(0);
    const seconds = (Date.now() - started) / 1000;
    const retried = await db.ingestionJob.count({ where: { kind: "email.deliver", attempts: { gt: 1 } } });

    const copies = new Map<string, number>();
    for (const m of sink.messages()) copies.set(m.messageId ?? "", (copies.get(m.messageId ?? "") ?? 0) + 1);
    const expected = new Set(queued.map((q) => `<${q.messageId}>`));
    const lost = [...expected].filter((id) => !copies.has(id));
    const unexpected = [...copies.keys()].filter((id) => !expected.has(id));
    const repeated = [...copies.entries()].filter(([, n]) => n > 1);
    const repeatedNotInFlight = repeated.filter(([id]) => !inFlight.has(id.replace(/^<|>$/g, "")));
    console.log(
      `outbox crash test (seed ${SEED}): messages=${MESSAGES} kills=${inFlightPerKill.length} received=${sink.messages().length} ` +
        `distinct=${copies.size} lost=${lost.length} repeated=${repeated.length} (extra copies ${repeated.reduce((s, [, n]) => s + n - 1, 0)}) ` +
        `in-flight at each kill: ${inFlightPerKill.join(", ")}, delivery jobs attempted more than once: ${retried}, ` +
        `dead-lettered by the lease guard and re-driven: ${redriven} · ${seconds.toFixed(1)} s`,
    );
    expect(inFlightPerKill.length).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(lost).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(repeatedNotInFlight).toEqual([]);
    // A message in flight at k kills is received at most k + 1 times.
    for (const [, n] of repeated) expect(n).toBeLessThanOrEqual(inFlightPerKill.length + 1);
    expect(await db.emailMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
    expect(await db.ingestionJob.count({ where: { kind: "email.deliver", status: { not: "COMPLETED" } } })).toBe(0);
  });
});
