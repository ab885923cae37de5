// New lead -> e-mail accepted by the SMTP server, at a steady 50 leads/s (issue 16): each inquiry
// is queued at its instant as the website's POST /api/lead queues it, and the real worker process
// runs the two jobs it takes (decision 0038): the event into contact, lead and the alert rendered
// into the outbox, in one transaction, and its delivery to a local SMTP server. The time counted for each lead runs from its planned
// instant (so a slow enqueue counts too) to the moment the server accepted its alert.
// Baseline, same run, same server and rate: the same rendered alerts sent straight with
// nodemailer at each instant, as a request handler mailing by itself would (no queue, no retry).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSmtpTransport, EMAIL_DELIVER_KIND, LEAD_ALERT_KIND } from "@real-estate/mail";
import { enqueueWebsiteEvent } from "@real-estate/queue";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import type { WebsiteEventInput } from "@real-estate/types";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb } from "../../lib/platform-db";
import { tailLog } from "../../lib/processes";
import { sleep, summarize, waitFor } from "../../lib/stats";
import { startBenchWorker } from "../../lib/worker";

/** The issue's rate. */
const LEADS_PER_SECOND = 50;
/** The worker's concurrency (its default), and the baseline's pooled connections (createSmtpTransport's default). */
const WORKER_CONCURRENCY = 8;
const CONNECTIONS = 4;
/** Worker processes (LEAD_EMAIL_WORKERS, default 1): each runs the same kinds at WORKER_CONCURRENCY. */
const WORKER_PROCESSES = Math.max(1, Math.min(4, Number(process.env.LEAD_EMAIL_WORKERS) || 1));
/** Leads sent before the measured ones (the worker's start, the templates' first render, the SMTP pool). */
const WARM_UP = 20;

type Probe = { pid: number; cpuUserMs: number; cpuSystemMs: number; statements: number; byVerb: Record<string, number> };

/** What the workers' probes wrote at exit (the launcher processes in front of them load no pg and write nothing). */
function readProbes(dir: string): Probe[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Probe)
    .filter((p) => p.statements > 0);
}

type Alert = {
  subject: string;
  html: string;
  text: string;
  toAddress: string;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
  messageId: string;
};

/** Calls `fire(i)` at start + i / rate for i < count without waiting for one call before the next; resolves when all have settled. */
async function atSteadyRate(count: number, fire: (i: number) => Promise<unknown>): Promise<number> {
  const start = Date.now() + 200;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / LEADS_PER_SECOND - Date.now();
    if (wait > 0) await sleep(wait);
    pending.push(fire(i));
  }
  await Promise.all(pending);
  return start;
}

/** Milliseconds from each planned instant to the server's acceptance, by the key `keyOf` reads from an accepted message. */
function latencies(sink: SmtpSink, from: number, start: number, keyOf: (m: ReturnType<SmtpSink["messages"]>[number]) => number | null): number[] {
  const out: number[] = [];
  for (const m of sink.messages().slice(from)) {
    const i = keyOf(m);
    if (i !== null) out.push(Date.parse(m.receivedAt) - (start + (i * 1000) / LEADS_PER_SECOND));
  }
  return out;
}

export async function runLeadEmailScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const n = ctx.sizes.leadEmailSeconds * LEADS_PER_SECOND;
  const p = await openPlatformDb("leadmail");
  const sink = await startSmtpSink({ smtpPort: 0, httpPort: null, maxMessages: n * 3 });
  try {
    const tenants = await createBenchTenants(p.db, [`leadmail-a-${ctx.runId}`, `leadmail-b-${ctx.runId}`]);
    for (const t of tenants) {
      const user = await p.db.user.create({ data: { id: crypto.randomUUID(), name: "Bench Owner", email: `owner-${t.slug}@bench.example` } });
      await p.db.tenantMembership.create({ data: { tenantId: t.tenantId, userId: user.id, role: "OWNER" } });
    }
    const event = (i: number, tag: string): WebsiteEventInput => ({
      type: "lead.submitted",
      eventId: `leadmail-${tag}-${ctx.runId}-${i}`,
      tenantId: tenants[i % tenants.length]!.tenantId,
      occurredAt: new Date().toISOString(),
      source: { pageUrl: "https://bench.example/contact", utmSource: "bench" },
      payload: { contact: { firstName: "Bench", lastName: `Lead ${i}`, email: `lead-${tag}-${i}-${ctx.runId}@bench.example` }, message: `Bench inquiry ${i}` },
    });
    const leadIndex = (tag: string) => {
      const re = new RegExp(`lead-${tag}-(\\d+)-${ctx.runId}@bench\\.example`);
      return (m: { text: string | null }) => {
        const match = re.exec(m.text ?? "");
        return match ? Number(match[1]) : null;
      };
    };

    const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), "lead-email-probe-"));
    const workers = Array.from({ length: WORKER_PROCESSES }, (_, w) =>
      startBenchWorker({
        name: `lead-email-worker${w ? `-${w + 1}` : ""}`,
        databaseUrl: p.url,
        smtpUrl: sink.url,
        kinds: ["website-event", LEAD_ALERT_KIND, EMAIL_DELIVER_KIND],
        concurrency: WORKER_CONCURRENCY,
        metrics: "off",
        probeDir,
      }),
    );
    let ours: number[];
    let enqueueLag: ReturnType<typeof summarize> | null = null;
    let pipelinePerSecond = 0;
    try {
      // Warm-up: the worker's start, the templates' first render, the SMTP pool.
      const warm = WARM_UP;
      await Promise.all(
        Array.from({ length: warm }, (_, i) => enqueueWebsiteEvent({ db: p.db, tenantId: event(i, "warm").tenantId, event: event(i, "warm") })),
      );
      await waitFor("the warm-up alerts", () => sink.messages().length >= warm, 120_000, 20);
      const from = sink.messages().length;
      const queued: number[] = [];
      const start = await atSteadyRate(n, async (i) => {
        await enqueueWebsiteEvent({ db: p.db, tenantId: event(i, "run").tenantId, event: event(i, "run") });
        queued[i] = Date.now();
      });
      enqueueLag = summarize(queued.map((t, i) => t - (start + (i * 1000) / LEADS_PER_SECOND)));
      log(`enqueued (planned instant -> committed): p50 ${fmt(enqueueLag.p50)} ms, p99 ${fmt(enqueueLag.p99)} ms`);
      await waitFor("every lead's alert at the SMTP server", () => sink.messages().length >= from + n, 300_000, 20);
      ours = latencies(sink, from, start, leadIndex("run"));
      // How fast the pipeline went through the whole batch (two jobs per lead), to read the latency by.
      const last = Math.max(
        ...sink
          .messages()
          .slice(from)
          .map((m) => Date.parse(m.receivedAt)),
      );
      pipelinePerSecond = (n * 1000) / Math.max(1, last - start);
      log(`the worker took the ${fmt(n)} leads to accepted alerts at ${fmt(pipelinePerSecond)} leads/s (2 jobs each)`);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${workers.map((w) => tailLog(w.logPath)).join("\n")}`);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    // Statements and CPU of the worker processes over the whole run (start-up and warm-up included), per lead.
    const probes = readProbes(probeDir);
    fs.rmSync(probeDir, { recursive: true, force: true });
    const leadsProcessed = n + WARM_UP;
    const workerCost =
      probes.length === WORKER_PROCESSES
        ? {
            processes: probes.length,
            leads: leadsProcessed,
            statementsPerLead: probes.reduce((a, p) => a + p.statements, 0) / leadsProcessed,
            cpuMsPerLead: probes.reduce((a, p) => a + p.cpuUserMs + p.cpuSystemMs, 0) / leadsProcessed,
            byVerb: probes.reduce<Record<string, number>>((a, p) => {
              for (const [k, v] of Object.entries(p.byVerb)) a[k] = (a[k] ?? 0) + v;
              return a;
            }, {}),
          }
        : null;
    if (workerCost)
      log(
        `worker (${workerCost.processes} process${workerCost.processes > 1 ? "es" : ""}): ${fmt(workerCost.statementsPerLead, 1)} SQL statements and ${fmt(workerCost.cpuMsPerLead, 1)} ms CPU per lead (${fmt(leadsProcessed)} leads, start-up included); ${Object.entries(
          workerCost.byVerb,
        )
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(", ")}`,
      );
    else log(`worker statements and CPU not measured (${probes.length} probe files for ${WORKER_PROCESSES} processes)`);
    if (ours.length !== n) throw new Error(`${ours.length} alerts matched their leads, expected ${n}`);
    const oursSummary = summarize(ours);
    log(
      `ours (queue -> worker -> outbox -> SMTP): ${fmt(n)} leads at ${LEADS_PER_SECOND}/s, p50 ${fmt(oursSummary.p50)} ms, p99 ${fmt(oursSummary.p99)} ms, max ${fmt(oursSummary.max)} ms`,
    );

    // The baseline sends the very alerts the outbox rendered (same size, same headers).
    const alerts = (
      await p.pool.query<Alert>(
        `SELECT subject, html, text, "toAddress", "fromAddress", "fromName", "replyTo", "messageId" FROM "EmailMessage" WHERE text LIKE $1 ORDER BY "createdAt", id`,
        [`%lead-run-%-${ctx.runId}@bench.example%`],
      )
    ).rows;
    const byIndex = new Map(alerts.map((a) => [leadIndex("run")(a)!, a]));
    const transport = createSmtpTransport({ url: sink.url, maxConnections: CONNECTIONS });
    const fromDirect = sink.messages().length;
    let direct: number[];
    try {
      const start = await atSteadyRate(n, (i) => {
        const a = byIndex.get(i)!;
        return transport.sendMail({
          from: { name: a.fromName, address: a.fromAddress },
          to: a.toAddress,
          replyTo: a.replyTo ?? undefined,
          subject: a.subject,
          html: a.html,
          text: a.text.replaceAll(`lead-run-${i}-`, `lead-direct-${i}-`),
          messageId: `<direct-${a.messageId}>`,
        });
      });
      await waitFor("every direct alert at the SMTP server", () => sink.messages().length >= fromDirect + n, 120_000, 20);
      direct = latencies(sink, fromDirect, start, leadIndex("direct"));
    } finally {
      transport.close?.();
    }
    const directSummary = summarize(direct);
    log(`nodemailer direct at the event: p50 ${fmt(directSummary.p50)} ms, p99 ${fmt(directSummary.p99)} ms, max ${fmt(directSummary.max)} ms`);
    return {
      scenario: "lead-email",
      figures: [
        figure({
          scenario: "lead-email",
          name: `new lead -> e-mail accepted by SMTP, p99 at ${LEADS_PER_SECOND} leads/s (${fmt(n)} leads)`,
          unit: "ms",
          better: "lower",
          value: oursSummary.p99,
          baseline: { label: "nodemailer sending the same alert at the event, p99", value: directSummary.p99 },
          goal: { text: "< 2 s", valueAtMost: 2_000 },
        }),
      ],
      details: {
        enqueueLag,
        pipelinePerSecond,
        leads: n,
        ratePerSecond: LEADS_PER_SECOND,
        ours: oursSummary,
        direct: directSummary,
        workerConcurrency: WORKER_CONCURRENCY,
        workerProcesses: WORKER_PROCESSES,
        workerCost,
      },
    };
  } finally {
    await sink.close();
    await p.close();
  }
}
