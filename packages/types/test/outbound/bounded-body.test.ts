// The shared bounded reader over both kinds of body the platform reads: a node:http answer and a
// fetch Response's body (undici's, which undoes gzip as it reads: the cap counts decoded bytes).
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BodyTooLargeError, outboundFetch, readBoundedBody } from "../../src/outbound";

let server: http.Server;
let base: string;
let closed = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.on("close", () => closed++);
    if (req.url === "/small") return res.end("héllo");
    if (req.url === "/gzip") return res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(10_000_000, 0x20)));
    // Endless: as fast as the client reads.
    const chunk = Buffer.alloc(64 * 1024, 0x78);
    const more = () => {
      while (res.write(chunk));
    };
    res.on("drain", more);
    more();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const get = (path: string) => new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${base}${path}`, resolve).on("error", reject));

describe("readBoundedBody", () => {
  it("reads a body within the cap whole, as bytes (a character split across chunks is the caller's to decode)", async () => {
    expect((await readBoundedBody(await get("/small"), 6)).toString("utf8")).toBe("héllo");
    const response = await outboundFetch(`${base}/small`);
    expect((await readBoundedBody(response.body!, 100)).toString("utf8")).toBe("héllo");
  });

  it("stops one byte past the cap and ends the stream: a node:http answer", async () => {
    const before = closed;
    await expect(readBoundedBody(await get("/small"), 5)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(readBoundedBody(await get("/endless"), 1_000_000)).rejects.toThrow("more than 1000000 bytes");
    // The server sees the endless answer's connection closed (not drained for ever).
    await expect.poll(() => closed - before, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
  });

  it("counts what a fetch body yields after undoing gzip: a 10 MB bomb stops at a 1 MB cap", async () => {
    const response = await outboundFetch(`${base}/gzip`);
    await expect(readBoundedBody(response.body!, 1_000_000)).rejects.toBeInstanceOf(BodyTooLargeError);
    const endless = await outboundFetch(`${base}/endless`);
    await expect(readBoundedBody(endless.body!, 1_000_000)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("with truncate, answers the first maxBytes of a longer body and still ends the stream", async () => {
    const before = closed;
    expect((await readBoundedBody(await get("/small"), 3, { truncate: true })).toString("utf8")).toBe("hé");
    const endless = await outboundFetch(`${base}/endless`);
    const head = await readBoundedBody(endless.body!, 100_000, { truncate: true });
    expect(head.byteLength).toBe(100_000);
    expect(head.every((b) => b === 0x78)).toBe(true);
    await expect.poll(() => closed - before, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
  });
});
