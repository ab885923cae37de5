import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECTIONS_PER_ADDRESS, nginxAvailable } from "../src";
import { rawPost } from "./support/raw-post";
import { startStandInEdge, type StandInEdge } from "./support/stand-in-edge";

// Slow and greedy clients against the edge (decision 0116): a request head trickled byte by byte,
// a body that stalls, more requests at once from one address than the cap. nginx runs in front
// of a stand-in app that holds /api/hold until told to answer and answers everything else at once.
const WEB_PORT = 26461;
const CRM_PORT = 26462;
/** client_header_timeout and client_body_timeout of the configuration, in ms. */
const READ_TIMEOUT_MS = 10_000;
/** How late after the timeout nginx may close (its timers are coarse; the machine is shared). */
const MARGIN_MS = 3_000;

const seen: string[] = [];
const held: http.ServerResponse[] = [];

const standIn: http.RequestListener = (req, res) => {
  seen.push(`${req.method} ${req.url}`);
  req.resume();
  req.on("end", () => {
    if (req.url?.startsWith("/api/hold")) held.push(res);
    else res.writeHead(200, { "cache-control": "no-store" }).end("ok");
  });
};

/**
 * Opens a connection, writes `head`, then one byte of `trickle` every
 * `everyMs` until it runs out or nginx closes; resolves with how long after the first write nginx
 * closed, or null when it had not closed `waitMs` after that.
 */
function trickle(options: { head: string; trickle: string; everyMs: number; waitMs: number }): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: WEB_PORT });
    let timer: NodeJS.Timeout | undefined;
    let sent = 0;
    let started = 0;
    const giveUp = setTimeout(() => finish(null), options.waitMs);
    const finish = (after: number | null) => {
      clearTimeout(giveUp);
      clearInterval(timer);
      socket.destroy();
      resolve(after);
    };
    socket.on("error", () => {});
    socket.on("close", () => finish(Date.now() - started));
    socket.on("connect", () => {
      started = Date.now();
      socket.write(options.head);
      timer = setInterval(() => {
        if (sent < options.trickle.length && !socket.destroyed) socket.write(options.trickle[sent++]!);
      }, options.everyMs);
    });
  });
}

/** A GET from `localAddress`: its status, or 0 when no answer came within `waitMs`. */
function get(pathName: string, localAddress: string, waitMs = 5_000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port: WEB_PORT, localAddress, path: pathName, headers: { host: "edge.localhost" }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(0);
    }, waitMs);
    req.on("close", () => clearTimeout(timer));
    req.on("error", () => resolve(0));
    req.end();
  });
}

/** Whether this machine lets a socket bind 127.0.0.2 (Linux routes all of 127/8 to loopback). */
function canBind(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, address, () => server.close(() => resolve(true)));
    server.on("error", () => resolve(false));
  });
}

let edge: StandInEdge | undefined;
let secondAddress = false;

describe.skipIf(!nginxAvailable() && !process.env.CI)("slow and greedy clients at the edge (nginx)", () => {
  beforeAll(async () => {
    edge = await startStandInEdge({ label: "slow-clients", webPort: WEB_PORT, crmPort: CRM_PORT, handle: standIn });
    secondAddress = await canBind("127.0.0.2");
  });

  afterAll(async () => {
    for (const res of held.splice(0)) res.end();
    await edge?.stop();
  });

  it("cuts off a request head trickled one byte a second within the header timeout", async () => {
    const closedAfter = await trickle({
      head: "GET /towns HTTP/1.1\r\nHost: edge.localhost\r\n",
      trickle: "X-Slow: " + "a".repeat(60),
      everyMs: 1_000,
      waitMs: READ_TIMEOUT_MS + MARGIN_MS,
    });
    expect(closedAfter).not.toBeNull();
    expect(closedAfter!).toBeGreaterThanOrEqual(READ_TIMEOUT_MS - 1_000);
    expect(seen).not.toContain("GET /towns");
  });

  it("cuts off a body that stops coming within the body timeout, before the app is asked", async () => {
    const body = '{"a"';
    const lastByteAt = body.length * 1_000;
    const closedAfter = await trickle({
      head: "POST /api/lead HTTP/1.1\r\nHost: edge.localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
      trickle: body,
      everyMs: 1_000,
      waitMs: lastByteAt + READ_TIMEOUT_MS + MARGIN_MS,
    });
    expect(closedAfter).not.toBeNull();
    expect(closedAfter! - lastByteAt).toBeGreaterThanOrEqual(READ_TIMEOUT_MS - 1_000);
    expect(seen).not.toContain("POST /api/lead");
  });

  it("refuses more requests at once from one address than the cap with 429, while another address is served", async () => {
    const holding = Array.from({ length: CONNECTIONS_PER_ADDRESS }, (_, i) => get(`/api/hold?n=${i}`, "127.0.0.1", 30_000));
    const deadline = Date.now() + 15_000;
    while (held.length < CONNECTIONS_PER_ADDRESS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(held.length).toBe(CONNECTIONS_PER_ADDRESS);

    expect(await get("/api/hold?n=over", "127.0.0.1")).toBe(429);
    expect(seen).not.toContain("GET /api/hold?n=over");
    if (secondAddress) expect(await get("/api/other", "127.0.0.2")).toBe(200);

    for (const res of held.splice(0)) res.writeHead(200, { "cache-control": "no-store" }).end("ok");
    expect(new Set(await Promise.all(holding))).toEqual(new Set([200]));
    // The slots are given back as the requests end.
    expect(await get("/api/other", "127.0.0.1")).toBe(200);
  });

  it("refuses a body larger than the apps take on both ports, before the app is asked", async () => {
    for (const port of [WEB_PORT, CRM_PORT]) {
      const status = await rawPost(port, "/api/big", 3 * 1024 * 1024, 1024);
      expect(status, String(port)).toBe(413);
    }
    expect(seen).not.toContain("POST /api/big");
  });
});
