import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestFront, type TestFront } from "./support/test-front";

let front: TestFront;
let port: number;
/** What the app behind the front was handed, per request. */
const seen: { url: string | undefined; host: string | undefined }[] = [];

beforeAll(async () => {
  front = await startTestFront({
    extraRoutes: ["/healthz"],
    handle: async (req, res) => {
      seen.push({ url: req.url, host: req.headers.host });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ url: req.url }));
    },
  });
  port = front.port;
});
afterAll(() => front.close());

/** A request with the target exactly as given (absolute-form included), as a raw client sends it. */
function raw(target: string, host: string, method = "GET"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: target, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("request targets", () => {
  it("hands the app an absolute-form target naming this host as a path", async () => {
    seen.length = 0;
    const res = await raw("http://a.localhost:3000/towns?x=1", "a.localhost:3000");
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ url: "/towns?x=1", host: "a.localhost:3000" }]);
  });

  it("refuses an absolute-form target naming another host, or not HTTP, with 400 before the app", async () => {
    seen.length = 0;
    for (const target of ["http://evil.example/", "http://b.localhost/sites/b", "https://a.localhost.evil.example/", "ftp://a.localhost/"]) {
      const res = await raw(target, "a.localhost");
      expect([target, res.status, JSON.parse(res.body).error]).toEqual([target, 400, "malformed_request"]);
    }
    expect(seen).toEqual([]);
  });

  it("refuses an origin-form target that is no URL (`//[`, a port past 65535) with 400 before the app, and goes on answering", async () => {
    seen.length = 0;
    for (const target of ["//[", "//a.localhost:99999/x"]) {
      const res = await raw(target, "a.localhost");
      expect([target, res.status, JSON.parse(res.body).error]).toEqual([target, 400, "malformed_request"]);
    }
    expect(seen).toEqual([]);
    expect((await raw("/homes", "a.localhost")).status).toBe(200);
  });

  it("leaves origin-form targets alone", async () => {
    seen.length = 0;
    expect((await raw("/homes/X1?y=2", "a.localhost")).status).toBe(200);
    expect((await raw("//double/slash", "a.localhost")).status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(["/homes/X1?y=2", "//double/slash"]);
  });
});
