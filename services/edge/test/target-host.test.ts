import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nginxAvailable } from "../src";
import { startStandInEdge, type StandInEdge } from "./support/stand-in-edge";
import { httpRequest } from "./support/web-instances";

// The website resolves the tenant from the Host header; the edge caches its pages. A request
// target in absolute form (`GET http://b.example/ HTTP/1.1`) names a host of its own, which nginx
// takes for $host while it hands the app the Host header: the page of the tenant the Host header
// names must never be stored, or served, under the other host.
const WEB_PORT = 4664;
const CRM_PORT = 4665;

let edge: StandInEdge | undefined;
/** The Host header of every request the upstream received. */
const seen: string[] = [];

describe.skipIf(!nginxAvailable() && !process.env.CI)("the host a request names (nginx)", () => {
  beforeAll(async () => {
    // Stands in for the website: a cacheable page naming the tenant of the Host header it got.
    edge = await startStandInEdge({
      label: "target-host",
      webPort: WEB_PORT,
      crmPort: CRM_PORT,
      handle: (req, res) => {
        seen.push(String(req.headers.host));
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "public, s-maxage=60" });
        res.end(`<h1>Homes of ${String(req.headers.host).split(":")[0]!.toLowerCase().replace(/\.$/, "")}</h1>`);
      },
    });
  });

  afterAll(async () => {
    await edge?.stop();
  });

  it("refuses a target naming another host than Host (400, nothing reaches the app), and never serves one tenant's page on another's host", async () => {
    const before = seen.length;
    // Tenant A's Host header, tenant B's host in the target: 400 on every port, the app never asked.
    for (const port of [WEB_PORT, CRM_PORT]) {
      const confused = await httpRequest(port, "a.localhost", "http://b.localhost/towns");
      expect(confused.status).toBe(400);
      expect(confused.body).not.toContain("Homes of");
    }
    expect(seen.length).toBe(before);
    // B's own visitors get B's page at that URL, then and from the cache.
    for (let i = 0; i < 2; i++) {
      const b = await httpRequest(WEB_PORT, "b.localhost", "/towns");
      expect(b.status).toBe(200);
      expect(b.body).toBe("<h1>Homes of b.localhost</h1>");
    }
    // A missing Host header with a target naming a host is as ambiguous (the app would get no host).
    const noHost = await rawRequest(WEB_PORT, "GET http://b.localhost/towns HTTP/1.0\r\n\r\n");
    expect(noHost.split("\r\n")[0]).toContain(" 400 ");
  });

  it("serves targets that agree with Host, whatever their case, port or trailing dot", async () => {
    const cases: [string, string][] = [
      ["c.localhost", "http://c.localhost/"],
      ["C.Localhost", "http://c.localhost/"],
      ["c.localhost:4664", "http://C.LOCALHOST:4664/"],
      ["c.localhost.", "/"],
      ["c.localhost:4664", "/"],
    ];
    for (const [host, target] of cases) {
      const res = await httpRequest(WEB_PORT, host, target);
      expect(res.status, `${host} ${target}`).toBe(200);
      expect(res.body).toBe("<h1>Homes of c.localhost</h1>");
    }
  });
});

/** The status line and head of a request written byte for byte. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    socket.on("data", (c: Buffer) => (answer += c.toString("latin1")));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}
