// Kept-alive webhook connections: reused only for a destination that resolved to the same checked
// addresses, with the destination still checked before every delivery and one deadline per attempt.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Client } from "undici";
import { createConnectionPool, destinationKey, ForbiddenDestinationError, pinnedConnector, type LookupAll } from "@real-estate/types/outbound";
import { postWebhook, WebhookTransportError } from "../src";

/** A receiver on one loopback address: counts its connections, answers 200 ("/hang" never answers). */
async function receiver(host: string, port: number) {
  const connections: Socket[] = [];
  const requests: { path: string; connection: number }[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? "", connection: connections.indexOf(req.socket) });
    req.resume();
    if (req.url?.startsWith("/hang")) return;
    if (req.url?.startsWith("/large")) {
      // 100 KB of "x", then the end: more than anyone should read.
      res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(100_000));
      return;
    }
    if (req.url?.startsWith("/slow-body")) {
      // The status line and a first part at once, the rest never.
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
      return;
    }
    if (req.url?.startsWith("/redirect")) {
      res.writeHead(302, { location: "http://127.0.0.1/elsewhere" }).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  server.on("connection", (socket) => connections.push(socket));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Two loopback addresses on the same port: what one name resolves to can change between deliveries.
const PORT = 4151;
let a: Awaited<ReturnType<typeof receiver>>;
let b: Awaited<ReturnType<typeof receiver>>;
let pool = createConnectionPool();

beforeAll(async () => {
  a = await receiver("127.0.0.1", PORT);
  b = await receiver("127.0.0.2", PORT);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});
afterEach(() => {
  pool.destroy();
  pool = createConnectionPool();
});

/** A name whose resolution the test changes between deliveries (DNS rebinding). */
function dns(initial: string) {
  let current = initial;
  const lookup: LookupAll = async () => [{ address: current, family: 4 }];
  return { lookup, set: (address: string) => (current = address) };
}

const post = (url: string, lookup: LookupAll, allowedHosts: string[] = [`hooks.test:${PORT}`], timeoutMs = 2_000) =>
  postWebhook({ url, body: '{"type":"t"}', headers: { "webhook-id": "msg_1" }, timeoutMs, allowedHosts, lookup, pool });

describe("kept-alive webhook connections", () => {
  it("reuses one connection for deliveries to the same checked address", async () => {
    const name = dns("127.0.0.1");
    const before = a.connections.length;
    for (let i = 0; i < 5; i++) expect((await post(`http://hooks.test:${PORT}/same/${i}`, name.lookup)).status).toBe(200);
    expect(a.connections.length - before).toBe(1);
    expect(pool.size()).toBe(1);
  });

  it("never reuses a connection for a name that now resolves to another address", async () => {
    const name = dns("127.0.0.1");
    const [aBefore, bBefore] = [a.connections.length, b.connections.length];
    expect((await post(`http://hooks.test:${PORT}/rebind/1`, name.lookup)).status).toBe(200);
    name.set("127.0.0.2");
    expect((await post(`http://hooks.test:${PORT}/rebind/2`, name.lookup)).status).toBe(200);
    // The second delivery reached the address it resolved to, on a new connection.
    expect(b.requests.at(-1)!.path).toBe("/rebind/2");
    expect(b.connections.length - bBefore).toBe(1);
    expect(a.requests.at(-1)!.path).toBe("/rebind/1");
    // Back to the first address: its own kept connection again, nothing opened to either.
    name.set("127.0.0.1");
    expect((await post(`http://hooks.test:${PORT}/rebind/3`, name.lookup)).status).toBe(200);
    expect(a.requests.at(-1)!.path).toBe("/rebind/3");
    expect(a.connections.length - aBefore).toBe(1);
    expect(b.connections.length - bBefore).toBe(1);
    expect(destinationKey({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address: "127.0.0.1", family: 4 }] })).not.toBe(
      destinationKey({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address: "127.0.0.2", family: 4 }] }),
    );
  });

  it("still checks the destination before every delivery: a kept connection to an allowed host is no way in for another name", async () => {
    const allowed = dns("127.0.0.1");
    expect((await post(`http://hooks.test:${PORT}/allowed`, allowed.lookup)).status).toBe(200);
    const before = a.requests.length;
    // Same address and port, a name nobody allowed: refused before any request.
    await expect(post(`http://evil.test:${PORT}/evil`, dns("127.0.0.1").lookup)).rejects.toBeInstanceOf(ForbiddenDestinationError);
    // The allowed name rebound to a private address outside the allow-list's reach is refused too.
    await expect(post(`http://other.test:${PORT}/rebound`, dns("10.0.0.1").lookup)).rejects.toBeInstanceOf(ForbiddenDestinationError);
    expect(a.requests.length).toBe(before);
  });

  it("checks a literal address against the allow-list of every delivery, not the one it was first allowed under", async () => {
    const url = `http://127.0.0.1:${PORT}/literal`;
    const allowed = [`127.0.0.1:${PORT}`];
    const noLookup: LookupAll = async () => {
      throw new Error("a literal address is not resolved");
    };
    for (let i = 0; i < 3; i++) expect((await post(url, noLookup, allowed)).status).toBe(200);
    const before = a.requests.length;
    await expect(post(url, noLookup, [])).rejects.toBeInstanceOf(ForbiddenDestinationError);
    await expect(post(url, noLookup, [`127.0.0.1:${PORT + 1}`])).rejects.toBeInstanceOf(ForbiddenDestinationError);
    await expect(post(`http://127.0.0.1:${PORT + 1}/literal`, noLookup, allowed)).rejects.toBeInstanceOf(ForbiddenDestinationError);
    expect(a.requests.length).toBe(before);
    expect((await post(url, noLookup, allowed)).status).toBe(200);
  });

  it("keeps one deadline per attempt and does not follow redirects on kept connections", async () => {
    const name = dns("127.0.0.1");
    expect((await post(`http://hooks.test:${PORT}/warm`, name.lookup)).status).toBe(200);
    const started = Date.now();
    await expect(post(`http://hooks.test:${PORT}/hang`, name.lookup, undefined, 300)).rejects.toBeInstanceOf(WebhookTransportError);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The timed-out connection is gone; the next delivery works on another one.
    expect((await post(`http://hooks.test:${PORT}/after-timeout`, name.lookup)).status).toBe(200);
    const redirected = await post(`http://hooks.test:${PORT}/redirect`, name.lookup);
    expect(redirected.status).toBe(302);
    expect(a.requests.some((r) => r.path === "/elsewhere")).toBe(false);
  });

  it("refuses a kept socket whose peer is not one of the checked addresses", () => {
    const { allowed } = pool.dispatcherFor({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address: "127.0.0.1", family: 4 }] });
    expect(pool.isPinned({ remoteAddress: "127.0.0.1" } as Socket, allowed)).toBe(true);
    expect(pool.isPinned({ remoteAddress: "::ffff:127.0.0.1" } as Socket, allowed)).toBe(true);
    expect(pool.isPinned({ remoteAddress: "127.0.0.2" } as Socket, allowed)).toBe(false);
  });

  it("closes the least recently used destination beyond its limit", async () => {
    const small = createConnectionPool({ maxDestinations: 2 });
    for (const address of ["127.0.0.1", "127.0.0.2", "127.0.0.3"])
      small.dispatcherFor({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address, family: 4 }] });
    expect(small.size()).toBe(2);
    small.destroy();
  });

  it("connects only to the checked addresses: a connection whose peer is another address is closed unused", async () => {
    // A destination checked as 127.0.0.2 whose host is the literal 127.0.0.1 (no lookup to pin):
    // the connection reaches 127.0.0.1, and the connector refuses it before any request is written.
    const connect = pinnedConnector({ protocol: "http:", hostname: "127.0.0.1", port: PORT, addresses: [{ address: "127.0.0.2", family: 4 }] });
    const client = new Client(`http://127.0.0.1:${PORT}`, { connect });
    const before = a.requests.length;
    try {
      await expect(client.request({ path: "/not-pinned", method: "POST", body: "{}" })).rejects.toThrow(/not to the checked address/);
    } finally {
      await client.destroy();
    }
    expect(a.requests.length).toBe(before);
    // The same connector with the name: its lookup answers only the checked address.
    const pinned = new Client(`http://hooks.test:${PORT}`, {
      connect: pinnedConnector({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address: "127.0.0.2", family: 4 }] }),
    });
    try {
      const answer = await pinned.request({ path: "/pinned", method: "POST", body: "{}" });
      await answer.body.dump();
      expect(answer.statusCode).toBe(200);
    } finally {
      await pinned.destroy();
    }
    expect(b.requests.at(-1)!.path).toBe("/pinned");
  });

  it("gives each checked address set and each host name its own pool", () => {
    const first = pool.dispatcherFor({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address: "127.0.0.1", family: 4 }] });
    const again = pool.dispatcherFor({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address: "127.0.0.1", family: 4 }] });
    const rebound = pool.dispatcherFor({ protocol: "http:", hostname: "hooks.test", port: PORT, addresses: [{ address: "127.0.0.2", family: 4 }] });
    const added = pool.dispatcherFor({
      protocol: "http:",
      hostname: "hooks.test",
      port: PORT,
      addresses: [
        { address: "127.0.0.1", family: 4 },
        { address: "127.0.0.2", family: 4 },
      ],
    });
    const otherName = pool.dispatcherFor({ protocol: "http:", hostname: "other.test", port: PORT, addresses: [{ address: "127.0.0.1", family: 4 }] });
    expect(again.dispatcher).toBe(first.dispatcher);
    for (const other of [rebound, added, otherName]) expect(other.dispatcher).not.toBe(first.dispatcher);
    expect(pool.size()).toBe(4);
  });

  it("keeps the first 1,000 characters of a large answer and stops reading it", async () => {
    const name = dns("127.0.0.1");
    const answer = await post(`http://hooks.test:${PORT}/large`, name.lookup);
    expect(answer.status).toBe(200);
    expect(answer.excerpt).toBe("x".repeat(1000));
    // The connection the large answer was cut on is not reused: the next delivery opens another.
    const before = a.connections.length;
    expect((await post(`http://hooks.test:${PORT}/after-large`, name.lookup)).status).toBe(200);
    expect(a.connections.length - before).toBe(1);
  });

  it("counts the answer's body within the deadline", async () => {
    const name = dns("127.0.0.1");
    const started = Date.now();
    const failure = await post(`http://hooks.test:${PORT}/slow-body`, name.lookup, undefined, 300).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WebhookTransportError);
    expect((failure as WebhookTransportError).message).toBe("no answer within 300 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("without a pool, opens a connection for the delivery and closes it once answered", async () => {
    const before = a.connections.length;
    const answer = await postWebhook({
      url: `http://hooks.test:${PORT}/unpooled`,
      body: "{}",
      headers: {},
      timeoutMs: 2_000,
      allowedHosts: [`hooks.test:${PORT}`],
      lookup: dns("127.0.0.1").lookup,
    });
    expect(answer).toMatchObject({ status: 200, excerpt: '{"ok":true}' });
    expect(a.connections.length - before).toBe(1);
    const connection = a.connections.at(-1)!;
    for (let i = 0; i < 50 && !connection.destroyed; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connection.destroyed).toBe(true);
  });

  it("fails a delivery whose connection is refused as a transient transport error", async () => {
    const failure = await post(`http://hooks.test:4152/refused`, dns("127.0.0.1").lookup, [`hooks.test:4152`]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WebhookTransportError);
    expect((failure as WebhookTransportError).message).toBe("connection failed: ECONNREFUSED");
  });
});
