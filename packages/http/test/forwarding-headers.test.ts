// The forwarding headers reach the app only from a trusted proxy: Next.js reads X-Forwarded-Proto
// and -Host itself (the scheme and host of its redirects), so a client must not choose them.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../src/client-address/client-address";
import { startTestFront, type TestFront } from "./support/test-front";

const FORWARDING = {
  forwarded: "for=6.6.6.6;proto=https;host=evil.example",
  "x-forwarded-for": "6.6.6.6",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "8443",
};

type Seen = { headers: Record<string, string | string[] | undefined>; raw: string[] };

async function startRecording(trust?: Record<string, string>): Promise<{ front: TestFront; seen: Seen[] }> {
  const seen: Seen[] = [];
  const front = await startTestFront({
    trust,
    handle: async (req, res) => {
      seen.push({ headers: { ...req.headers }, raw: req.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()) });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    },
  });
  return { front, seen };
}

function get(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", headers: { host: "a.localhost", ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("forwarding headers", () => {
  let untrusted: Awaited<ReturnType<typeof startRecording>>;
  let trusted: Awaited<ReturnType<typeof startRecording>>;
  beforeAll(async () => {
    untrusted = await startRecording();
    trusted = await startRecording({ TRUST_PROXY: "loopback" });
  });
  afterAll(async () => {
    await untrusted.front.close();
    await trusted.front.close();
  });

  it("drops every forwarding header of a client that is not a trusted proxy, from headers and rawHeaders", async () => {
    expect(await get(untrusted.front.port, FORWARDING)).toBe(200);
    const [seen] = untrusted.seen;
    for (const name of Object.keys(FORWARDING)) {
      expect([name, seen!.headers[name]]).toEqual([name, undefined]);
      expect(seen!.raw).not.toContain(name);
    }
    expect(seen!.headers.host).toBe("a.localhost");
    expect(seen!.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("passes them from a trusted proxy", async () => {
    expect(await get(trusted.front.port, FORWARDING)).toBe(200);
    const [seen] = trusted.seen;
    for (const [name, value] of Object.entries(FORWARDING)) expect([name, seen!.headers[name]]).toEqual([name, value]);
    expect(seen!.headers[CLIENT_ADDRESS_HEADER]).toBe("6.6.6.6");
  });
});
