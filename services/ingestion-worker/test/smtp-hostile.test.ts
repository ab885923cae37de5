// SMTP servers that attack the mail delivery: a reply that trickles for ever (nodemailer's socket
// timeout is idleness only), silence after DATA, no greeting. Each message ends by the transport's
// deadline with an error the queue retries, and the transport then sends to an honest server.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport } from "@real-estate/mail";

type Mode = "honest" | "trickle-ehlo" | "silent-after-data" | "no-greeting";
let mode: Mode = "honest";
const timers = new Set<NodeJS.Timeout>();
const sockets = new Set<net.Socket>();
let server: net.Server;
let url: string;

/** A minimal SMTP server: honest, or hostile at one step as `mode` says (read at each connection). */
function converse(socket: net.Socket) {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
  socket.on("error", () => undefined);
  const m = mode;
  if (m === "no-greeting") return;
  socket.write("220 hostile.test ESMTP\r\n");
  let buffer = "";
  let inData = false;
  socket.on("data", (data) => {
    buffer += data.toString("latin1");
    for (;;) {
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        buffer = buffer.slice(end + 5);
        inData = false;
        if (m === "silent-after-data") return; // the message is in; the reply never comes
        socket.write("250 2.0.0 queued\r\n");
        continue;
      }
      const eol = buffer.indexOf("\r\n");
      if (eol < 0) return;
      const line = buffer.slice(0, eol).toUpperCase();
      buffer = buffer.slice(eol + 2);
      if (line.startsWith("EHLO") && m === "trickle-ehlo") {
        // A multi-line reply with a line every 200 ms and no last line: never idle, never done.
        const t = setInterval(() => socket.write("250-still-thinking\r\n"), 200);
        timers.add(t);
        socket.on("close", () => clearInterval(t));
        return;
      }
      if (line.startsWith("EHLO") || line.startsWith("HELO")) socket.write("250 hostile.test\r\n");
      else if (line.startsWith("DATA")) {
        socket.write("354 go ahead\r\n");
        inData = true;
      } else if (line.startsWith("QUIT")) socket.end("221 bye\r\n");
      else socket.write("250 ok\r\n");
    }
  });
}

beforeAll(async () => {
  server = net.createServer(converse);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const t of timers) clearInterval(t);
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
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
      const transport = createSmtpTransport({ url, maxConnections: 1, dkim: null, messageTimeoutMs: 1_500 });
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
