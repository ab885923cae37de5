import http from "node:http";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustSettings, resolveClientAddress } from "@real-estate/http/serve";
import { nginxAvailable } from "../src";
import { startStandInEdge, type StandInEdge } from "./support/stand-in-edge";

// The apps trust the edge (TRUST_PROXY=loopback in the production profile): the forwarding
// headers it hands them are believed, the client's address (rate limits, sessions) is read from
// them, and Next.js takes the request's host and port from X-Forwarded-Host/-Port. So every one of
// them must be the edge's own, whatever the client sent. The upstream here answers with the
// forwarding headers it got and the address the apps' own resolver makes of them.
const WEB_PORT = 26431;
const CRM_PORT = 26432;
const WEB_PORT_V6 = 26433;

type Seen = { headers: http.IncomingHttpHeaders; viaXForwardedFor: string; viaForwarded: string };

/** The stand-in app: what reached it, and the client address it would resolve under either TRUST_PROXY_HEADER. */
const answerWithWhatCame: http.RequestListener = (req, res) => {
  const resolve = (header: string) => {
    const settings = parseTrustSettings({ TRUST_PROXY: "loopback", TRUST_PROXY_HEADER: header });
    return resolveClientAddress({ socketAddress: req.socket.remoteAddress, headers: req.headers, trust: settings.trust, header: settings.header });
  };
  const seen: Seen = { headers: req.headers, viaXForwardedFor: resolve("x-forwarded-for"), viaForwarded: resolve("forwarded") };
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(seen));
};

/** What a client writes to claim another address, host, port and scheme. */
const SPOOFED = {
  "x-forwarded-for": "203.0.113.7",
  forwarded: 'for=198.51.100.9;host=evil.example;proto=https, for="[2001:db8::9]"',
  "x-forwarded-host": "evil.example",
  "x-forwarded-port": "443",
  "x-forwarded-proto": "https",
};

function ask(port: number, pathName: string, host = "127.0.0.1"): Promise<{ status: number; seen: Seen | null }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, path: pathName, headers: { host: "edge.localhost", ...SPOOFED }, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        const json = res.headers["content-type"] === "application/json";
        resolve({ status: res.statusCode ?? 0, seen: json ? (JSON.parse(body) as Seen) : null });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const hasIpv6Loopback = Object.values(os.networkInterfaces()).some((list) => list?.some((i) => i.address === "::1"));

let edge: StandInEdge | undefined;
let edgeV6: StandInEdge | undefined;

describe.skipIf(!nginxAvailable() && !process.env.CI)("forwarding headers at the edge (nginx)", () => {
  beforeAll(async () => {
    edge = await startStandInEdge({ label: "forwarding", webPort: WEB_PORT, crmPort: CRM_PORT, handle: answerWithWhatCame });
    if (hasIpv6Loopback) edgeV6 = await startStandInEdge({ label: "forwarding-v6", webPort: WEB_PORT_V6, listen: "[::1]", handle: answerWithWhatCame });
  });

  afterAll(async () => {
    await edge?.stop();
    await edgeV6?.stop();
  });

  it("hands the apps the client's address and scheme as nginx saw them, never the client's claims", async () => {
    for (const [port, pathName] of [
      [WEB_PORT, "/api/lead"],
      [WEB_PORT, "/towns"],
      [CRM_PORT, "/leads"],
    ] as const) {
      const { status, seen } = await ask(port, pathName);
      expect(status, pathName).toBe(200);
      const h = seen!.headers;
      const got = {
        forwardedFor: h["x-forwarded-for"],
        forwarded: h.forwarded,
        proto: h["x-forwarded-proto"],
        host: h["x-forwarded-host"],
        port: h["x-forwarded-port"],
        // What the apps' rate limits and sessions key on, under either TRUST_PROXY_HEADER.
        clientViaXForwardedFor: seen!.viaXForwardedFor,
        clientViaForwarded: seen!.viaForwarded,
      };
      expect(got, pathName).toEqual({
        forwardedFor: "127.0.0.1",
        forwarded: "for=127.0.0.1;proto=http",
        proto: "http",
        host: undefined,
        port: undefined,
        clientViaXForwardedFor: "127.0.0.1",
        clientViaForwarded: "127.0.0.1",
      });
    }
  });

  it.skipIf(!hasIpv6Loopback)("writes an IPv6 client in Forwarded as RFC 7239 asks (quoted, in brackets)", async () => {
    const { seen } = await ask(WEB_PORT_V6, "/towns", "::1");
    expect(seen!.headers["x-forwarded-for"]).toBe("::1");
    expect(seen!.headers.forwarded).toBe('for="[::1]";proto=http');
    expect([seen!.viaXForwardedFor, seen!.viaForwarded]).toEqual(["::1", "::1"]);
  });

  it("never hands /api/internal/ to the app, however the path is written", async () => {
    for (const pathName of ["/api/internal/revalidate", "/api//internal/revalidate", "/api/%69nternal/revalidate", "/api/internal/../internal/revalidate"]) {
      const { status, seen } = await ask(WEB_PORT, pathName);
      expect(status, pathName).toBe(404);
      expect(seen, pathName).toBeNull();
    }
    // The other API routes still reach it.
    expect((await ask(WEB_PORT, "/api/internals")).status).toBe(200);
  });
});
