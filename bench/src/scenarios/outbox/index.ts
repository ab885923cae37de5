// Outbox throughput: messages/s from the outbox (rendered rows and their email.deliver jobs) through
// the real worker process to a local SMTP server, against nodemailer sending the same messages
// directly to the same server with the same pooled transport and as many in flight, in one run.
import { createSmtpTransport, queueEmails, type OutgoingEmail } from "@real-estate/mail";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type ScenarioResult } from "../../lib/figures";
import { createBenchTenants, openPlatformDb } from "../../lib/platform-db";
import { tailLog } from "../../lib/processes";
import { sleep, waitFor } from "../../lib/stats";
import { startBenchWorker } from "../../lib/worker";

/** Messages in flight at once, for the worker (its concurrency) and for the direct baseline alike. */
const IN_FLIGHT = 8;
/** Pooled SMTP connections, for both (createSmtpTransport's default). */
const CONNECTIONS = 4;

type Row = {
  subject: string;
  html: string;
  text: string;
  toAddress: string;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
  messageId: string;
  headers: unknown;
};

/** Rate between the first and the last message the server accepted (start-up of either side excluded). */
async function acceptedRate(sink: SmtpSink, from: number, count: number, timeoutMs: number): Promise<number> {
  await waitFor("the SMTP server to accept every message", () => sink.messages().length >= from + count, timeoutMs, 10);
  const received = sink.messages().slice(from, from + count);
  const first = Date.parse(received[0]!.receivedAt);
  const last = Date.parse(received[received.length - 1]!.receivedAt);
  return ((count - 1) * 1000) / Math.max(1, last - first);
}

/** nodemailer sending the stored messages straight to the server, IN_FLIGHT at a time. */
async function sendDirect(sink: SmtpSink, rows: Row[]): Promise<number> {
  const transport = createSmtpTransport({ url: sink.url, maxConnections: CONNECTIONS });
  const from = sink.messages().length;
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const m = rows[next++]!;
      await transport.sendMail({
        from: { name: m.fromName, address: m.fromAddress },
        to: m.toAddress,
        replyTo: m.replyTo ?? undefined,
        subject: m.subject,
        html: m.html,
        text: m.text,
        messageId: `<direct-${m.messageId}>`,
        headers: m.headers as Record<string, string>,
      });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  transport.close?.();
  return acceptedRate(sink, from, rows.length, 60_000);
}

export async function runOutboxScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const n = ctx.sizes.outboxMessages;
  const p = await openPlatformDb("outbox");
  const sink = await startSmtpSink({ smtpPort: 0, httpPort: null, maxMessages: n * 3 });
  try {
    const tenants = await createBenchTenants(p.db, [`outbox-a-${ctx.runId}`, `outbox-b-${ctx.runId}`]);
    for (const [t, tenant] of tenants.entries()) {
      const emails: OutgoingEmail[] = [];
      for (let i = t; i < n; i += tenants.length)
        emails.push({
          template: "password-reset",
          to: { address: `reader-${i}@example.test` },
          props: { resetUrl: `http://x.localhost/r?n=${i}`, validMinutes: 60 },
        });
      for (let i = 0; i < emails.length; i += 500) await queueEmails(p.db, { tenantId: tenant.tenantId, emails: emails.slice(i, i + 500) });
    }
    const rows = (
      await p.pool.query<Row>(
        `SELECT subject, html, text, "toAddress", "fromAddress", "fromName", "replyTo", "messageId", headers FROM "EmailMessage" ORDER BY "createdAt", id`,
      )
    ).rows;
    log(`${fmt(n)} messages in the outbox (${fmt(Math.round(rows.reduce((s, r) => s + r.html.length + r.text.length, 0) / rows.length))} bytes of body each)`);

    // Warm-up of the sink and the machine, then the baseline.
    await sendDirect(sink, rows.slice(0, Math.min(100, rows.length)));
    const direct = await sendDirect(sink, rows);
    log(`nodemailer direct (${IN_FLIGHT} in flight, ${CONNECTIONS} pooled connections): ${fmt(direct)} messages/s`);

    const from = sink.messages().length;
    const worker = startBenchWorker({
      name: "outbox-worker",
      databaseUrl: p.url,
      smtpUrl: sink.url,
      kinds: ["email.deliver"],
      concurrency: IN_FLIGHT,
    });
    let outbox: number;
    try {
      outbox = await acceptedRate(sink, from, n, 300_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${tailLog(worker.logPath)}`);
    } finally {
      await worker.stop();
    }
    await sleep(200);
    const sent = Number((await p.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "EmailMessage" WHERE status = 'SENT'`)).rows[0]!.n);
    const distinct = new Set(
      sink
        .messages()
        .slice(from)
        .map((m) => m.messageId),
    ).size;
    log(`outbox through the worker: ${fmt(outbox)} messages/s (${fmt(sent)} recorded SENT, ${fmt(distinct)} distinct Message-IDs at the server)`);
    if (distinct !== n) throw new Error(`the server received ${distinct} distinct messages from the outbox, expected ${n}`);
    return {
      scenario: "outbox",
      figures: [
        figure({
          scenario: "outbox",
          name: `outbox to SMTP, ${fmt(n)} messages`,
          unit: "msg/s",
          better: "higher",
          value: outbox,
          baseline: { label: "nodemailer direct, same messages", value: direct },
          goal: { text: ">= 0.8 x nodemailer direct", ratioAtLeast: 0.8 },
        }),
      ],
      details: { messages: n, inFlight: IN_FLIGHT, connections: CONNECTIONS, outboxPerSecond: outbox, directPerSecond: direct, sent },
    };
  } finally {
    await sink.close();
    await p.close();
  }
}
