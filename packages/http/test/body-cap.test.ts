import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_REQUEST_BYTES, maxRequestBytes, refuseOversizeBody } from "../src/body/body-cap";

// A real server with the cap in front of a handler that reads no body (as the routes that act on
// their URL alone): the cap answers for it.
let server: http.Server;
let port = 0;
let handled = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (refuseOversizeBody(req, res, 1000)) return;
    handled++;
    res.writeHead(204);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends a raw request and returns the status line and whether the server closed the socket. */
function raw(head: string, body = ""): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (d) => (text += d.toString("latin1")));
    socket.on("end", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on("error", reject);
    socket.write(`${head}\r\n\r\n${body}`);
  });
}

describe("the request body cap", () => {
  it("answers 413 before the handler for an announced body past the cap, and closes the connection", async () => {
    const before = handled;
    const r = await raw(
      `DELETE /api/things/1 HTTP/1.1\r\nHost: a.test\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: keep-alive`,
      "x".repeat(100),
    );
    expect(r.status).toBe(413);
    expect(r.text).toMatch(/connection: close/i);
    expect(r.text).toContain('"payload_too_large"');
    expect(handled).toBe(before);
  });

  it("reads a refused body to its end when it is not absurd, so the client gets the answer and can reuse the connection", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (bytes: number) =>
      new Promise<{ status: number; body: string; reused: boolean }>((resolve, reject) => {
        const r = http.request({ host: "127.0.0.1", port, method: "POST", path: "/x", agent, headers: { "content-length": String(bytes) } }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body, reused: r.reusedSocket }));
        });
        r.on("error", reject);
        // Written in pieces, as a client on a network does while the answer is already on its way.
        for (let i = 0; i < bytes; i += 500) r.write("z".repeat(Math.min(500, bytes - i)));
        r.end();
      });
    const before = handled;
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await send(3000));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(413));
    expect(results.slice(1).every((r) => r.reused)).toBe(true);
    expect(handled).toBe(before);
    agent.destroy();
  });

  it("lets bodies within the cap, and requests without a body, through", async () => {
    const before = handled;
    const within = await fetch(`http://127.0.0.1:${port}/x`, { method: "POST", body: "y".repeat(1000) });
    const none = await fetch(`http://127.0.0.1:${port}/x`, { method: "DELETE" });
    expect([within.status, none.status]).toEqual([204, 204]);
    expect(handled).toBe(before + 2);
  });

  it("reads its setting strictly", () => {
    expect(maxRequestBytes(undefined)).toBe(DEFAULT_MAX_REQUEST_BYTES);
    expect(maxRequestBytes(" ")).toBe(DEFAULT_MAX_REQUEST_BYTES);
    expect(maxRequestBytes("4096")).toBe(4096);
    for (const bad of ["0", "-1", "1.5", "2MB", "1e400"]) expect(() => maxRequestBytes(bad)).toThrow(/APP_MAX_REQUEST_BYTES/);
  });
});
