// Deliveries to one URL, one after another: an allowance under one allow-list never carries to
// another, and a name is resolved and checked again before every delivery to the same URL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createConnectionPool, ForbiddenDestinationError, postWebhook, type LookupAll } from "../src";

const PORT = 4153;

/** A receiver on one loopback address, noting each request's path. */
async function receiver(host: string) {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? "");
    req.resume();
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, host, () => resolve());
  });
  expect((server.address() as AddressInfo).port).toBe(PORT);
  return {
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let a: Awaited<ReturnType<typeof receiver>>;
let b: Awaited<ReturnType<typeof receiver>>;
let pool = createConnectionPool();

beforeAll(async () => {
  a = await receiver("127.0.0.1");
  b = await receiver("127.0.0.2");
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});
afterEach(() => {
  pool.destroy();
  pool = createConnectionPool();
});

const post = (url: string, allowedHosts: readonly string[], lookup?: LookupAll) =>
  postWebhook({ url, body: '{"type":"t"}', headers: { "webhook-id": "msg_1" }, timeoutMs: 2_000, allowedHosts, lookup, pool });

describe("webhook destinations checked on every delivery to the same URL", () => {
  it("refuses a literal loopback URL under an allow-list without it, after deliveries under one with it", async () => {
    const url = `http://127.0.0.1:${PORT}/literal`;
    const allowed = [`127.0.0.1:${PORT}`];
    for (let i = 0; i < 3; i++) expect((await post(url, allowed)).status).toBe(200);
    const before = a.paths.length;
    await expect(post(url, [])).rejects.toBeInstanceOf(ForbiddenDestinationError);
    await expect(post(url, [`127.0.0.1:${PORT + 1}`])).rejects.toBeInstanceOf(ForbiddenDestinationError);
    await expect(post(`http://127.0.0.1:${PORT + 1}/literal`, allowed)).rejects.toBeInstanceOf(ForbiddenDestinationError);
    expect(a.paths.length).toBe(before);
    expect((await post(url, allowed)).status).toBe(200);
  });

  it("resolves and checks a name before every delivery to the same URL", async () => {
    let current = "127.0.0.1";
    const lookup: LookupAll = async () => [{ address: current, family: 4 }];
    const url = `http://hooks.test:${PORT}/same-url`;
    const allowed = [`hooks.test:${PORT}`];
    expect((await post(url, allowed, lookup)).status).toBe(200);
    current = "127.0.0.2";
    expect((await post(url, allowed, lookup)).status).toBe(200);
    expect(a.paths.filter((p) => p === "/same-url")).toHaveLength(1);
    expect(b.paths.filter((p) => p === "/same-url")).toHaveLength(1);
    // Not allowed: the same name now resolving to a private address is refused on this URL.
    current = "10.0.0.1";
    await expect(post(`http://hooks.test:${PORT}/same-url`, [], lookup)).rejects.toBeInstanceOf(ForbiddenDestinationError);
    current = "127.0.0.1";
    await expect(post(url, [], lookup)).rejects.toBeInstanceOf(ForbiddenDestinationError);
  });
});
