import http from "node:http";
import zlib from "node:zlib";
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandler } from "../src/serve";
import { startTestFront, type TestFront } from "./support/test-front";

/** The native write calls a socket's handle makes: each one a system call sending bytes. */
const WRITE_METHODS = ["writev", "writeBuffer", "writeUtf8String", "writeLatin1String", "writeAsciiString", "writeUcs2String"];

/** Counts, per request path, the socket writes the server made while answering it (one connection a request). */
function countSocketWrites(server: http.Server): Map<string, number> {
  const counts = new Map<string, number>();
  server.on("request", (req: http.IncomingMessage) => {
    const path = req.url ?? "";
    const handle = (req.socket as unknown as { _handle: Record<string, (...args: unknown[]) => unknown> })._handle;
    for (const name of WRITE_METHODS) {
      const original = handle[name];
      if (typeof original !== "function") continue;
      handle[name] = function (this: unknown, ...args: unknown[]) {
        counts.set(path, (counts.get(path) ?? 0) + 1);
        return original.apply(this, args);
      };
    }
  });
  return counts;
}

/** Resolved by the client when it has read the first part of a streamed body. */
let firstPartRead: () => void = () => {};
const partOne = "<!doctype html><html><body><p>The first listings.</p>";
const partTwo = `${"<p>More listings.</p>".repeat(50)}</body></html>`;

/** A body in two parts, the second only once the client has read the first (a page's Suspense boundary resolving). */
function twoParts(): ReadableStream<Uint8Array> {
  const read = new Promise<void>((resolve) => (firstPartRead = resolve));
  let part = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      part += 1;
      if (part === 1) return controller.enqueue(new TextEncoder().encode(partOne));
      await read;
      controller.enqueue(new TextEncoder().encode(partTwo));
      controller.close();
    },
  });
}

/** Resolved by the client when it has the head of a response whose body waits for it. */
let headRead: () => void = () => {};

/** Bodies sent as Next.js sends a route's or a page's `Response`: status and headers set, the body piped. */
const handle: AppHandler = async (req, res) => {
  const pathname = new URL(req.url ?? "/", "http://x").pathname;
  if (pathname === "/api/leads") {
    res.statusCode = 200;
    res.setHeader("content-type", "application/json");
    const leads = Array.from({ length: 20 }, (_, i) => ({ id: `lead-${i}`, name: `Lead ${i}`, status: "NEW" }));
    await pipeToNodeResponse(Response.json({ leads, nextCursor: "lead-19" }).body!, res);
  } else if (pathname === "/events") {
    // A head flushed ahead of a body that comes later (a stream of events).
    const read = new Promise<void>((resolve) => (headRead = resolve));
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.flushHeaders();
    await read;
    res.end("data: ready\n\n");
  } else {
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    await pipeToNodeResponse(twoParts(), res);
  }
};

let front: TestFront;
let writes: Map<string, number>;
beforeAll(async () => {
  front = await startTestFront({ handle, compressPages: true });
  writes = countSocketWrites(front.server);
});
afterAll(() => front.close());

function get(pathname: string, headers: Record<string, string> = {}): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: front.port, path: pathname, headers, agent: false }, resolve);
    req.on("error", reject);
    req.end();
  });
}

/** Reads the body as it comes, telling the server it may send the second part once the first is in. */
function readStreamed(body: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    body.setEncoding("utf8");
    body.on("data", (chunk: string) => {
      text += chunk;
      if (text.includes(partOne)) firstPartRead();
    });
    body.on("end", () => resolve(text));
    body.on("error", reject);
  });
}

describe("the head sent with the body", () => {
  it("sends a small JSON response, piped as Next.js pipes a route's Response, in one socket write", async () => {
    const res = await get("/api/leads");
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString());
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(body.leads).toHaveLength(20);
    expect(body.nextCursor).toBe("lead-19");
    expect(writes.get("/api/leads")).toBe(1);
  });

  it("still sends a streamed page part by part: the first part reaches the client before the second is written", async () => {
    const res = await get("/streamed");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(await readStreamed(res)).toBe(partOne + partTwo);
    expect(writes.get("/streamed")).toBeGreaterThanOrEqual(2);
  });

  it("still sends a head flushed ahead of a later body at once", async () => {
    const res = await get("/events");
    expect(res.headers["content-type"]).toBe("text/event-stream");
    headRead();
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("data: ready\n\n");
  });

  for (const encoding of ["br", "gzip"] as const) {
    it(`still sends a ${encoding}-compressed streamed page part by part`, async () => {
      const res = await get(`/streamed-${encoding}`, { "accept-encoding": encoding });
      expect(res.headers["content-encoding"]).toBe(encoding);
      const text = await readStreamed(res.pipe(encoding === "br" ? zlib.createBrotliDecompress() : zlib.createGunzip()));
      expect(text).toBe(partOne + partTwo);
    });
  }
});
