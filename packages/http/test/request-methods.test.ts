// Methods no app route answers are refused by the request front with a 405, before the app: the
// app behind it here reads the request as Next.js does (a fetch `Request`), which throws for the
// methods the fetch standard forbids, a 500 and an error log line an outsider could cause at will.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, startTestFront, type TestFront } from "./support/test-front";

let front: TestFront;
const reached: string[] = [];

beforeAll(async () => {
  front = await startTestFront({
    handle: async (req, res) => {
      const request = new Request(`http://localhost${req.url}`, { method: req.method });
      reached.push(request.method);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ method: request.method }));
    },
  });
});
afterAll(() => front.close());

const raw = (method: string, target = "/sign-in") => rawRequest(front.port, method, target);

describe("request methods", () => {
  it("answers TRACE, the WebDAV methods and PURGE 405 with Allow, before the app", async () => {
    reached.length = 0;
    for (const method of ["TRACE", "PROPFIND", "MKCOL", "LOCK", "PURGE"]) {
      const r = await raw(method);
      expect([method, r.status]).toEqual([method, 405]);
      expect(r.head).toContain("allow: get, head, post, put, patch, delete, options");
      expect(r.body).toContain(`"error":"method_not_allowed"`);
    }
    expect(reached).toEqual([]);
  });

  it("answers OPTIONS * (the server as a whole) 204 with Allow, never handing `*` to the app (Next.js fails to parse it: 500)", async () => {
    reached.length = 0;
    const r = await raw("OPTIONS", "*");
    expect([r.status, r.body]).toEqual([204, ""]);
    expect(r.head).toContain("allow: get, head, post, put, patch, delete, options");
    expect(reached).toEqual([]);
    expect(front.logs.filter((e) => e.level === "error")).toEqual([]);
    // Any other method with `*` is no path of this host.
    for (const method of ["GET", "POST"]) expect([method, (await raw(method, "*")).status]).toEqual([method, 400]);
  });

  it("hands the methods routes answer to the app", async () => {
    reached.length = 0;
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect([method, (await raw(method)).status]).toEqual([method, 200]);
    expect(reached).toEqual(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
  });
});
