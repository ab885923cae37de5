// A real SMTP server (the project's sink) and a pooled transport to it, started before a file's
// tests and closed after them: `smtp.sink` holds what was received, `smtp.transport` sends to it.
import { afterAll, beforeAll } from "vitest";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import { createSmtpTransport, type DkimSettings, type MailTransport } from "@real-estate/mail";

export type SmtpFixture = { readonly sink: SmtpSink; readonly transport: MailTransport };

/** `keepSource`: each received message keeps its bytes; `dkim`: the transport signs (default: unsigned, whatever the environment says). */
export function useSmtpSink(options: { maxConnections?: number; keepSource?: boolean; dkim?: DkimSettings } = {}): SmtpFixture {
  let sink: SmtpSink | undefined;
  let transport: MailTransport | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink({ smtpPort: 0, httpPort: null, keepSource: options.keepSource });
    transport = createSmtpTransport({ url: sink.url, maxConnections: options.maxConnections, dkim: options.dkim ?? null });
  });
  afterAll(async () => {
    transport?.close?.();
    await sink?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the SMTP sink starts before the file's tests: use it inside a test or hook");
    return value;
  };
  return {
    get sink() {
      return started(sink);
    },
    get transport() {
      return started(transport);
    },
  };
}
