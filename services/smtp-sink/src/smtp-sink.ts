import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

/** One message as the sink received it (a repeat delivery is a second entry with the same messageId). */
export type ReceivedMail = {
  id: string;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  messageId: string | null;
  subject: string;
  from: string;
  to: string;
  replyTo: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  html: string | null;
  text: string | null;
  size: number;
  /** The message as received (only with `keepSource`): for checks over its bytes, such as a DKIM signature. */
  source?: string;
};

export type ReceivedMailSummary = Pick<ReceivedMail, "id" | "receivedAt" | "messageId" | "subject" | "from" | "to">;

export type SmtpSink = {
  smtpPort: number;
  /** The HTTP viewer API's port (null when not started). */
  httpPort: number | null;
  /** `smtp://host:port` for nodemailer. */
  url: string;
  messages(): ReceivedMail[];
  clear(): void;
  close(): Promise<void>;
};

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(", ");
}

/**
 * The answer the sink gives a recipient: a local part with "+tempfail" gets 451 (try again
 * later), "+reject" gets 550 (no such mailbox), everything else is accepted. This lets the demo
 * and the tests exercise temporary and permanent failures against a real SMTP conversation.
 */
export function recipientAnswer(address: string): { code: number; message: string } | null {
  const local = address.split("@")[0]?.toLowerCase() ?? "";
  if (local.includes("+tempfail")) return { code: 451, message: "4.3.0 Mailbox temporarily unavailable, try again later" };
  if (local.includes("+reject")) return { code: 550, message: "5.1.1 No such mailbox here" };
  return null;
}

/**
 * A local SMTP server that keeps what it receives (the platform's stand-in for a mail provider),
 * with a small HTTP API the studio's mailbox page reads: GET /api/messages (newest first,
 * ?to= filters by recipient), GET /api/messages/:id, DELETE /api/messages. With `dataDir`,
 * messages are appended to mailbox.jsonl there and read back at start.
 */
export async function startSmtpSink(
  options: { smtpPort?: number; httpPort?: number | null; host?: string; dataDir?: string; maxMessages?: number; keepSource?: boolean } = {},
): Promise<SmtpSink> {
  const host = options.host ?? "127.0.0.1";
  const max = options.maxMessages ?? 20_000;
  let store: ReceivedMail[] = [];
  const file = options.dataDir ? path.join(options.dataDir, "mailbox.jsonl") : null;
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        if (!line.trim()) continue;
        try {
          store.push(JSON.parse(line) as ReceivedMail);
        } catch {
          // a line cut short by a crash: skip it
        }
      }
      store = store.slice(-max);
    }
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "real-estate platform SMTP sink",
    size: 10 * 1024 * 1024,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const answer = recipientAnswer(address.address);
      if (!answer) return callback();
      const error = new Error(answer.message) as Error & { responseCode: number };
      error.responseCode = answer.code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      new Promise<Buffer>((resolve, reject) => {
        stream.once("end", () => resolve(Buffer.concat(chunks)));
        stream.once("error", reject);
      })
        .then(async (raw) => ({ raw, parsed: await simpleParser(raw) }))
        .then(({ raw, parsed }) => {
          const headers: Record<string, string> = {};
          // Raw header lines (unfolded), as sent: mailparser's structured headers fold List-* into one.
          for (const { key, line } of parsed.headerLines) {
            const value = line
              .slice(line.indexOf(":") + 1)
              .replace(/\r?\n[ \t]+/g, " ")
              .trim();
            headers[key] = headers[key] ? `${headers[key]}, ${value}` : value;
          }
          const mail: ReceivedMail = {
            id: crypto.randomUUID(),
            receivedAt: new Date().toISOString(),
            envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) },
            messageId: parsed.messageId ?? null,
            subject: parsed.subject ?? "",
            from: addressText(parsed.from),
            to: addressText(parsed.to),
            replyTo: addressText(parsed.replyTo),
            headers,
            html: typeof parsed.html === "string" ? parsed.html : null,
            text: parsed.text ?? null,
            size: raw.byteLength,
            ...(options.keepSource ? { source: raw.toString("latin1") } : {}),
          };
          store.push(mail);
          if (store.length > max) store = store.slice(-max);
          if (file) fs.appendFileSync(file, `${JSON.stringify(mail)}\n`);
          callback(null, `2.0.0 Ok: queued as ${mail.id}`);
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  server.on("error", () => undefined);
  const smtpPort = (server.server.address() as AddressInfo).port;

  let api: http.Server | null = null;
  if (options.httpPort !== null && options.httpPort !== undefined) {
    api = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://sink");
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === "/api/messages" && req.method === "GET") {
        const to = url.searchParams.get("to")?.toLowerCase();
        const limit = Math.min(Math.max(Number(url.searchParams.get("limit")) || 100, 1), 1000);
        const list = store.filter((m) => !to || m.envelope.to.some((r) => r.toLowerCase() === to));
        const items: ReceivedMailSummary[] = list
          .slice(-limit)
          .reverse()
          .map(({ id, receivedAt, messageId, subject, from, to: t }) => ({ id, receivedAt, messageId, subject, from, to: t }));
        return send(200, { total: list.length, items });
      }
      if (url.pathname === "/api/messages" && req.method === "DELETE") {
        store = [];
        if (file) fs.writeFileSync(file, "");
        return send(200, { cleared: true });
      }
      const one = /^\/api\/messages\/([0-9a-f-]{36})$/.exec(url.pathname);
      if (one && req.method === "GET") {
        const mail = store.find((m) => m.id === one[1]);
        return mail ? send(200, mail) : send(404, { error: "not found" });
      }
      send(404, { error: "not found" });
    });
    await new Promise<void>((resolve, reject) => {
      api!.once("error", reject);
      api!.listen(options.httpPort ?? 0, host, () => resolve());
    });
  }

  return {
    smtpPort,
    httpPort: api ? (api.address() as AddressInfo).port : null,
    url: `smtp://${host}:${smtpPort}`,
    messages: () => [...store],
    clear: () => {
      store = [];
      if (file) fs.writeFileSync(file, "");
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (api) await new Promise<void>((resolve) => api!.close(() => resolve()));
    },
  };
}
