// One SMTP conversation stuck (the server never answers its DATA) while other messages are on
// the transport's other connection or waiting for one: past its deadline only the stuck message
// fails, its connection is closed, and the others are delivered (decision 0117).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport, SmtpDeadlineError } from "@real-estate/mail";
import { startScriptedSmtpServer, type ScriptedSmtpServer } from "./support/scripted-smtp";

let server: ScriptedSmtpServer;
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

beforeAll(async () => {
  // Never answers the DATA of a message whose subject is "stuck", and holds its answer to every
  // other DATA until the test releases them (so they are in flight when the stuck message's
  // deadline passes).
  server = await startScriptedSmtpServer(
    () => ({
      message: ({ socket, line: content, answer: queue }) => {
        if (/^Subject: stuck\r?$/m.test(content)) {
          socket.on("close", () => (stuckClosed = true));
          stuckDataIn();
          return;
        }
        const answer = () => {
          queued++;
          queue();
        };
        if (released) answer();
        else held.add(answer);
      },
    }),
    "stall.test",
  );
});
afterAll(async () => {
  await server.close();
});

const message = (subject: string) => ({ from: "office@alpha.example", to: "ann@example.test", subject, text: "Hi" });

describe("one stuck SMTP conversation", () => {
  it("fails its own message only and closes its connection: the other messages are delivered", { timeout: 30_000 }, async () => {
    const deadlineMs = 3_000;
    // Two connections: the stuck one, and one that carries the first of the others while the
    // other two wait for a connection.
    const transport = createSmtpTransport({ url: server.url, maxConnections: 2, dkim: null, messageTimeoutMs: deadlineMs });
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
