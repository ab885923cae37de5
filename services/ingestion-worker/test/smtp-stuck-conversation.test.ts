// One SMTP conversation stuck (the server never answers its DATA) while other messages are on
// the transport's other connection or waiting for one: past its deadline only the stuck message
// fails, its connection is closed, and the others are delivered (decision 0117).
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport, SmtpDeadlineError } from "@real-estate/mail";

const sockets = new Set<net.Socket>();
let server: net.Server;
let url: string;
/** Called when the stuck message's DATA is in. */
let stuckDataIn: () => void = () => undefined;
let stuckClosed = false;
let released = false;
const held = new Set<() => void>();
let queued = 0;

/** Answers the held DATA commands, and every later one at once. */
function releaseHeld() {
  released = true;
  for (const answer of held) answer();
  held.clear();
}

/**
 * An SMTP server that never answers the DATA of a message whose subject is "stuck", and holds
 * its answer to every other DATA until the test releases them (so they are in flight when the
 * stuck message's deadline passes).
 */
function converse(socket: net.Socket) {
  sockets.add(socket);
  socket.on("error", () => undefined);
  let stuck = false;
  socket.on("close", () => {
    sockets.delete(socket);
    if (stuck) stuckClosed = true;
  });
  socket.write("220 stall.test ESMTP\r\n");
  let buffer = "";
  let inData = false;
  socket.on("data", (data) => {
    buffer += data.toString("latin1");
    for (;;) {
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        const body = buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        inData = false;
        if (/^Subject: stuck\r?$/m.test(body)) {
          stuck = true;
          stuckDataIn();
          return;
        }
        const answer = () => {
          queued++;
          if (!socket.destroyed) socket.write("250 2.0.0 queued\r\n");
        };
        if (released) answer();
        else held.add(answer);
        continue;
      }
      const eol = buffer.indexOf("\r\n");
      if (eol < 0) return;
      const line = buffer.slice(0, eol).toUpperCase();
      buffer = buffer.slice(eol + 2);
      if (line.startsWith("EHLO") || line.startsWith("HELO")) socket.write("250 stall.test\r\n");
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
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const message = (subject: string) => ({ from: "office@alpha.example", to: "ann@example.test", subject, text: "Hi" });

describe("one stuck SMTP conversation", () => {
  it("fails its own message only and closes its connection: the other messages are delivered", { timeout: 30_000 }, async () => {
    const deadlineMs = 3_000;
    // Two connections: the stuck one, and one that carries the first of the others while the
    // other two wait for a connection.
    const transport = createSmtpTransport({ url, maxConnections: 2, dkim: null, messageTimeoutMs: deadlineMs });
    try {
      const dataIn = new Promise<void>((resolve) => (stuckDataIn = resolve));
      const stuck = transport.sendMail(message("stuck")).then(
        () => null,
        (e: unknown) => e,
      );
      await dataIn;
      // Half the deadline later, three more messages: they have half a deadline of their own
      // left when the stuck one's passes.
      await new Promise((resolve) => setTimeout(resolve, deadlineMs / 2));
      const others = Promise.allSettled([1, 2, 3].map((n) => transport.sendMail(message(`other ${n}`))));
      expect(await stuck).toBeInstanceOf(SmtpDeadlineError);
      releaseHeld();
      const outcomes = (await others).map((o) => (o.status === "fulfilled" ? o.value.response : String(o.reason)));
      expect(outcomes).toEqual(["250 2.0.0 queued", "250 2.0.0 queued", "250 2.0.0 queued"]);
      expect(queued).toBe(3);
      // The stuck conversation's connection was closed, not left open beside the pool.
      await expect.poll(() => stuckClosed, { timeout: 5_000 }).toBe(true);
      // And the transport sends on.
      expect((await transport.sendMail(message("after"))).response).toMatch(/^250 /);
    } finally {
      transport.close?.();
    }
  });
});
