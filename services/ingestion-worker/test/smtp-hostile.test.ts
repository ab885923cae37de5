// SMTP servers that attack the mail delivery: a reply that trickles for ever (nodemailer's socket
// timeout is idleness only), silence after DATA, no greeting. Each message ends by the transport's
// deadline with an error the queue retries, and the transport then sends to an honest server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport } from "@real-estate/mail";
import { startScriptedSmtpServer, type ScriptedSmtpServer, type SmtpScript } from "./support/scripted-smtp";

type Mode = "honest" | "trickle-ehlo" | "silent-after-data" | "no-greeting";
let mode: Mode = "honest";
let server: ScriptedSmtpServer;

/** The conversation per mode: honest, or hostile at one step (the mode is read at each connection). */
const scripts: Record<Mode, SmtpScript> = {
  honest: {},
  "no-greeting": { greeting: () => undefined },
  // A multi-line reply with a line every 200 ms and no last line: never idle, never done.
  "trickle-ehlo": {
    EHLO: ({ socket, reply }) => {
      const t = setInterval(() => reply("250-still-thinking"), 200);
      socket.on("close", () => clearInterval(t));
    },
  },
  // The message is in; the reply never comes.
  "silent-after-data": { message: () => undefined },
};

beforeAll(async () => {
  server = await startScriptedSmtpServer(() => scripts[mode], "hostile.test");
});
afterAll(async () => {
  // Destroying the connections stops the trickles too.
  await server.close();
});

const message = { from: "office@alpha.example", to: "ann@example.test", subject: "Hello", text: "Hi" };

async function timed<T>(call: Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  // Vitest's own timeout ends the test if the call never settles.
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe("SMTP servers that attack the mail delivery", () => {
  for (const hostile of ["trickle-ehlo", "silent-after-data", "no-greeting"] as const) {
    it(`${hostile}: the message fails by the deadline, and the next one is sent`, { timeout: 20_000 }, async () => {
      const transport = createSmtpTransport({ url: server.url, maxConnections: 1, dkim: null, messageTimeoutMs: 1_500 });
      try {
        mode = hostile;
        const { error, ms } = await timed(transport.sendMail(message));
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/no answer within 1500 ms/);
        // No SMTP reply code: the delivery treats it as transient and the queue retries it.
        expect((error as { responseCode?: number }).responseCode).toBeUndefined();
        expect(ms).toBeLessThan(4_000);
        // The stuck connection is not the pool's any more: the same transport sends the next message.
        mode = "honest";
        const info = await transport.sendMail(message);
        expect(info.response).toMatch(/^250 /);
      } finally {
        transport.close?.();
      }
    });
  }
});
