// Outbound webhook throughput: deliveries/s from stored deliveries (WebhookDelivery rows and their
// webhook.deliver jobs, as a business change queues them) through the real worker process to a
// local receiver, signed (Standard Webhooks) and recorded, against direct HTTP POSTs of the same
// payloads, signed the same way, to the same receiver with as many in flight, in one run. The goal
// is measured against a sender in a process of its own (direct-sender.ts), as the worker is; the
// same POSTs from the receiver's own process are reported beside it. Each sender warms up with
// 100 deliveries before its measured round: the direct ones with 100 POSTs, the worker with 100
// deliveries of its own (warm-worker.ts).
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startWebhookSink, type WebhookSink } from "@real-estate/webhook-sink";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb } from "../../lib/platform-db";
import { tailLog } from "../../lib/processes";
import { sleep, waitFor } from "../../lib/stats";
import { postSigned, type StoredDelivery } from "./direct-posts";
import { reportWorkerProbe } from "./report";
import { storeDeliveries, type Round } from "./store-deliveries";
import { releaseDeliveries, WARM_UP } from "./warm-worker";
import type { SenderReply, SenderRequest } from "./direct-sender";
import { startBenchWorker } from "../../lib/worker";

/** Deliveries in flight at once, for the worker (its concurrency) and for the direct baseline alike. */
const IN_FLIGHT = 8;

/**
 * Empties the receiver before a round: it keeps its last 10,000 requests only, and the full size's
 * rounds (warm-ups, two baselines, the worker) send more than that in all.
 */
function roundStart(sink: WebhookSink): number {
  sink.clear();
  return sink.received().length;
}

/** Rate between the first and the last request the receiver got from `from` on (start-up of either side excluded). */
async function receivedRate(sink: WebhookSink, from: number, count: number, timeoutMs: number): Promise<number> {
  await waitFor("the receiver to get every delivery", () => sink.received().length >= from + count, timeoutMs, 10);
  const received = sink.received().slice(from, from + count);
  const first = received[0]!.receivedAt.getTime();
  const last = received[received.length - 1]!.receivedAt.getTime();
  return ((count - 1) * 1000) / Math.max(1, last - first);
}

/** The baseline sent from the bench's own process, the receiver's (reported: it pays no wake-up of another process). */
async function postDirectInProcess(sink: WebhookSink, rows: StoredDelivery[]): Promise<number> {
  const from = roundStart(sink);
  await postSigned(rows, IN_FLIGHT);
  return receivedRate(sink, from, rows.length, 60_000);
}

const SENDER = fileURLToPath(new URL("./direct-sender.ts", import.meta.url));

/**
 * The baseline the goal is measured against: a program of its own doing the same signed POSTs
 * (direct-sender.ts, IN_FLIGHT in flight over kept-alive connections), as the worker is a process
 * of its own. Its start-up is outside the measured rate (first to last request received).
 */
function startDirectSender() {
  const child = fork(SENDER, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const round = (rows: StoredDelivery[]) =>
    new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the direct sender exited (${code}) before its POSTs were done`));
      child.once("exit", onExit);
      child.once("message", (reply: SenderReply) => {
        child.off("exit", onExit);
        if (reply.ok) resolve();
        else reject(new Error(`direct sender: ${reply.error}`));
      });
      child.send({ rows, inFlight: IN_FLIGHT } satisfies SenderRequest);
    });
  return {
    async post(sink: WebhookSink, rows: StoredDelivery[]): Promise<number> {
      const from = roundStart(sink);
      await round(rows);
      return receivedRate(sink, from, rows.length, 60_000);
    },
    async stop() {
      if (child.connected) child.disconnect();
      await Promise.race([exited, sleep(5_000).then(() => child.kill("SIGKILL"))]);
    },
  };
}

/** A receiver that answers after this long, as one across the internet does (the second figure). */
const REMOTE_ANSWER_MS = 50;

type Phase = {
  delivered: number;
  /** The worker process's SQL statements per delivery (start-up and warm-up included), from its probe. */
  statementsPerDelivery: number | null;
  /** Direct POSTs from a process of their own: the goal's baseline. */
  direct: number;
  /** Direct POSTs from the receiver's own process: reported beside it. */
  directInProcess: number;
  count: number;
};

/**
 * Stores `n` deliveries to one endpoint per tenant at `path` on the receiver, POSTs their payloads
 * directly (the baseline), then has the worker deliver them; checks every delivery arrived once
 * and was recorded DELIVERED.
 */
async function phase(round: Round): Promise<Phase> {
  const { p, sink, tenantIds, label, n } = round;
  const { endpointIds, rows } = await storeDeliveries(round);

  // Warm-up of the receiver and the machine, then the baselines: from the receiver's own process
  // (reported), then from a process of their own (the goal's baseline), each warmed up first.
  const warmUp = rows.slice(0, Math.min(100, rows.length));
  await postDirectInProcess(sink, warmUp);
  const directInProcess = await postDirectInProcess(sink, rows);
  log(`${label}: direct HTTP POSTs from the receiver's process (${IN_FLIGHT} in flight, kept-alive connections): ${fmt(directInProcess)} deliveries/s`);
  const sender = startDirectSender();
  let direct: number;
  try {
    await sender.post(sink, warmUp);
    direct = await sender.post(sink, rows);
  } finally {
    await sender.stop();
  }
  log(`${label}: direct HTTP POSTs from a process of their own (${IN_FLIGHT} in flight, kept-alive connections): ${fmt(direct)} deliveries/s`);

  let from = roundStart(sink);
  const probeDir = fs.mkdtempSync(join(os.tmpdir(), "webhooks-probe-"));
  const worker = startBenchWorker({
    name: `webhook-worker-${label}`,
    databaseUrl: p.url,
    kinds: ["webhook.deliver"],
    concurrency: IN_FLIGHT,
    metrics: "off",
    probeDir,
  });
  let delivered: number;
  const deliveredCount = async () =>
    Number(
      (
        await p.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "WebhookDelivery" WHERE status = 'DELIVERED' AND "endpointId" = ANY($1::uuid[])`, [
          endpointIds,
        ])
      ).rows[0]!.n,
    );
  try {
    // Its warm-up, delivered and recorded, then the measured backlog made due at once.
    await waitFor("the worker's warm-up deliveries", async () => sink.received().length >= from + WARM_UP && (await deliveredCount()) === WARM_UP, 120_000, 20);
    from = roundStart(sink);
    await releaseDeliveries(
      p.pool,
      tenantIds,
      rows.map((r) => r.id),
    );
    delivered = await receivedRate(sink, from, n, 300_000);
    // Each delivery is recorded DELIVERED after its answer: wait for the last records.
    await waitFor("every delivery recorded DELIVERED", async () => (await deliveredCount()) === n + WARM_UP, 60_000, 100);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${tailLog(worker.logPath)}`);
  } finally {
    await worker.stop();
  }
  const ids = new Set(
    sink
      .received()
      .slice(from)
      .map((r) => r.headers["webhook-id"]),
  );
  log(
    `${label}: through the worker: ${fmt(delivered)} deliveries/s (${fmt(ids.size)} distinct webhook-ids at the receiver, every delivery recorded DELIVERED)`,
  );
  if (ids.size !== n) throw new Error(`the receiver got ${ids.size} distinct deliveries from the worker, expected ${n}`);
  const statementsPerDelivery = reportWorkerProbe(label, probeDir, n + WARM_UP);
  sink.clear();
  log(
    `${label}: ratio ${(delivered / direct).toFixed(2)}x against the separate-process sender (the goal's baseline), ${(delivered / directInProcess).toFixed(2)}x against the in-process one`,
  );
  return { delivered, statementsPerDelivery, direct, directInProcess, count: n };
}

export async function runWebhooksScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const n = ctx.sizes.webhookDeliveries;
  const p = await openPlatformDb("webhooks");
  const sink = await startWebhookSink();
  // The receiver is on loopback: allowed by host and port, as an operator allows a local receiver
  // (the worker inherits this environment).
  const previousAllowed = process.env.WEBHOOK_ALLOWED_HOSTS;
  process.env.WEBHOOK_ALLOWED_HOSTS = `127.0.0.1:${sink.port}`;
  try {
    const tenants = await createBenchTenants(p.db, [`hooks-a-${ctx.runId}`, `hooks-b-${ctx.runId}`]);
    const tenantIds = tenants.map((t) => t.tenantId);
    const instant = await phase({ p, sink, tenantIds, label: "instant", path: "/hooks", n });
    // At 50 ms an answer, 8 in flight deliver at most 160/s either way: a quarter of the count.
    const remote = await phase({ p, sink, tenantIds, label: "remote", path: `/slow/${REMOTE_ANSWER_MS}`, n: Math.max(200, Math.round(n / 4)) });
    return {
      scenario: "webhooks",
      figures: [
        figure({
          scenario: "webhooks",
          name: `webhook deliveries to a local receiver, ${fmt(n)} deliveries`,
          unit: "deliveries/s",
          better: "higher",
          value: instant.delivered,
          baseline: { label: "direct signed POSTs of the same payloads from a process of their own", value: instant.direct },
          goal: { text: ">= 0.7 x direct POSTs from a separate process", ratioAtLeast: 0.7 },
          note: "the goal's baseline: a sender process of its own, as the worker is",
        }),
        figure({
          scenario: "webhooks",
          name: `the same deliveries against direct POSTs from the receiver's own process, ${fmt(n)} deliveries`,
          unit: "deliveries/s",
          better: "higher",
          value: instant.delivered,
          baseline: { label: "direct signed POSTs of the same payloads from the receiver's process", value: instant.directInProcess },
          note: "reported: this sender pays no wake-up of another process",
        }),
        figure({
          scenario: "webhooks",
          name: `the same to a receiver answering in ${REMOTE_ANSWER_MS} ms, ${fmt(remote.count)} deliveries`,
          unit: "deliveries/s",
          better: "higher",
          value: remote.delivered,
          baseline: { label: "direct signed POSTs of the same payloads from a process of their own", value: remote.direct },
          note: `reported: a receiver across the internet answers in tens of milliseconds; from the receiver's process ${fmt(remote.directInProcess)}/s`,
        }),
      ],
      details: { deliveries: n, inFlight: IN_FLIGHT, instant, remote },
    };
  } finally {
    if (previousAllowed === undefined) delete process.env.WEBHOOK_ALLOWED_HOSTS;
    else process.env.WEBHOOK_ALLOWED_HOSTS = previousAllowed;
    await sink.close();
    await p.close();
  }
}
