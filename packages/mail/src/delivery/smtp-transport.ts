import nodemailer, { type SendMailOptions } from "nodemailer";
import { dkimSettings, mailSettings, type DkimSettings } from "./mail-settings";

/** What the delivery needs from a mail transport (nodemailer's SMTP transport, or a test's). */
export type MailTransport = {
  sendMail(message: SendMailOptions): Promise<{ response?: string; messageId?: string; accepted?: unknown[] }>;
  close?(): void;
};

/**
 * The header fields a DKIM signature covers: nodemailer's default list (RFC 6376's) and
 * List-Unsubscribe-Post, which RFC 8058 requires signed with List-Unsubscribe before a receiver
 * offers one-click unsubscribe (without it a relay could add or change it unnoticed).
 */
export const DKIM_SIGNED_HEADERS = [
  "From",
  "Sender",
  "Reply-To",
  "Subject",
  "Date",
  "Message-ID",
  "To",
  "Cc",
  "MIME-Version",
  "Content-Type",
  "Content-Transfer-Encoding",
  "Content-ID",
  "Content-Description",
  "Resent-Date",
  "Resent-From",
  "Resent-Sender",
  "Resent-To",
  "Resent-Cc",
  "Resent-Message-ID",
  "In-Reply-To",
  "References",
  "List-Id",
  "List-Help",
  "List-Unsubscribe",
  "List-Unsubscribe-Post",
  "List-Subscribe",
  "List-Post",
  "List-Owner",
  "List-Archive",
] as const;

/** Default time one message may take on the wire, from asking the pool for a connection to the last reply. */
export const SMTP_MESSAGE_TIMEOUT_MS = 120_000;

/** The server did not finish answering within the message's deadline (no SMTP code: retried). */
export class SmtpDeadlineError extends Error {
  constructor(ms: number) {
    super(`SMTP server: no answer within ${ms} ms`);
    this.name = "SmtpDeadlineError";
  }
}

/**
 * nodemailer's SMTP transport for SMTP_URL (default: the local sink npm start runs), pooled:
 * `maxConnections` connections kept open and reused, so a burst does not pay a handshake per message.
 * Every message is DKIM-signed when `dkim` (default: the environment's, see dkimSettings) is set,
 * over DKIM_SIGNED_HEADERS.
 *
 * nodemailer's timeouts are for connecting, the greeting, and the socket's idleness: a server
 * sending a line of a multi-line reply every few seconds is never idle and held a message (and
 * its connection of the pool) for ever. Each message therefore has one deadline in all,
 * `messageTimeoutMs`, from asking the pool for a connection to the last reply; past it the
 * message fails with SmtpDeadlineError (transient: the queue retries it) and its send is aborted
 * (nodemailer's per-message `signal`): a message still waiting for a connection leaves the queue,
 * one on the wire has its connection closed, and the pool opens another for the next message.
 * Messages on the pool's other connections go on (decision 0117; replacing the whole pool, as
 * 0110 did, failed them too).
 */
export function createSmtpTransport(
  options: { url?: string; maxConnections?: number; dkim?: DkimSettings | null; messageTimeoutMs?: number } = {},
): MailTransport {
  const url = options.url ?? mailSettings().smtpUrl;
  const dkim = options.dkim === undefined ? dkimSettings() : options.dkim;
  const deadlineMs = options.messageTimeoutMs ?? SMTP_MESSAGE_TIMEOUT_MS;
  const parsed = new URL(url);
  const open = () =>
    nodemailer.createTransport({
      host: parsed.hostname,
      port: Number(parsed.port) || (parsed.protocol === "smtps:" ? 465 : 25),
      secure: parsed.protocol === "smtps:",
      auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
      // A local stand-in has no certificate; a real relay on port 587 upgrades with STARTTLS.
      ignoreTLS: parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost",
      pool: true,
      maxConnections: options.maxConnections ?? 4,
      maxMessages: Infinity,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      ...(dkim ? { dkim: { ...dkim, headerFieldNames: DKIM_SIGNED_HEADERS.join(":") } } : {}),
    });
  const pool = open();
  return {
    async sendMail(message) {
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new SmtpDeadlineError(deadlineMs);
          reject(error);
          abort.abort(error);
        }, deadlineMs);
      });
      try {
        return await Promise.race([pool.sendMail({ ...message, signal: abort.signal }), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      pool.close();
    },
  };
}
