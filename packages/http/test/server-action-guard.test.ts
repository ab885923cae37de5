// A server action call Next.js would refuse by throwing (a 500 and an error log line any client
// could cause at will) is answered by the request front before the app: another host's page (the
// same rule as Next.js's CSRF check, also for a multipart form post without the header) 403, a
// body past Next.js's 1 MiB cap 413, announced or streamed. The app behind the front here records
// what reached it.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_ACTION_MAX_BYTES } from "../src/serve/server-action-guard";
import { startTestFront, type TestFront } from "./support/test-front";

let direct: TestFront;
let proxied: TestFront;
const reached: string[] = [];
const bodies: Buffer[] = [];

const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  bodies.push(Buffer.concat(chunks));
  reached.push(`${req.method} ${String(req.headers.origin ?? "-")}`);
  res.writeHead(200, { "content-type": "text/x-component" });
  res.end("ok");
};

beforeAll(async () => {
  direct = await startTestFront({ handle, pages: ["/leads"], routeHandlers: ["/api/tenants/t1/logo"] });
  proxied = await startTestFront({ handle, trust: { TRUST_PROXY: "loopback" } });
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

/** A POST; a body given as several chunks is sent without a Content-Length (chunked), one chunk at a time. */
function post(front: TestFront, headers: Record<string, string>, body: string | Buffer[] = "[]", target = "/leads"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: front.port,
        path: target,
        method: "POST",
        headers: { host: "crm.a.localhost:4000", "content-type": "text/plain;charset=UTF-8", ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    if (typeof body === "string") return req.end(body);
    for (const chunk of body) req.write(chunk);
    req.end();
  });
}

const ACTION = { "next-action": "7f0123456789abcdef0123456789abcdef012345" };

describe("server action calls", () => {
  it("refuses a call from a page on another host, a lookalike, another port, `null` and a non-URL Origin with 403, before the app", async () => {
    reached.length = 0;
    for (const origin of [
      "http://crm.b.localhost:4000",
      "http://crm.a.localhost.evil.example:4000",
      "http://crm.a.localhost:4001",
      "http://crm.a.localhost",
      "null",
      "not a url",
    ]) {
      const r = await post(direct, { ...ACTION, origin });
      expect([origin, r.status]).toEqual([origin, 403]);
      expect(JSON.parse(r.body)).toMatchObject({ error: "forbidden_origin" });
    }
    // A client's X-Forwarded-Host is dropped before the check (it is not a trusted proxy): it cannot make a foreign Origin match.
    expect((await post(direct, { ...ACTION, origin: "http://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
    expect(reached).toEqual([]);
  });

  it("hands the app a call from its own host's page, one naming no Origin, and the first X-Forwarded-Host of a trusted proxy", async () => {
    reached.length = 0;
    expect((await post(direct, { ...ACTION, origin: "http://crm.a.localhost:4000" })).status).toBe(200);
    expect((await post(direct, { ...ACTION, origin: "http://CRM.A.localhost:4000" })).status).toBe(200);
    expect((await post(direct, ACTION)).status).toBe(200);
    expect((await post(proxied, { ...ACTION, origin: "https://crm.a.example", "x-forwarded-host": "crm.a.example, other.example" })).status).toBe(200);
    expect(reached).toEqual(["POST http://crm.a.localhost:4000", "POST http://CRM.A.localhost:4000", "POST -", "POST https://crm.a.example"]);
  });

  it("refuses a body past 1 MiB with 413 before the app, and takes one at the cap", async () => {
    reached.length = 0;
    const own = { ...ACTION, origin: "http://crm.a.localhost:4000" };
    const over = await post(direct, own, "x".repeat(SERVER_ACTION_MAX_BYTES + 1));
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toMatchObject({ error: "payload_too_large" });
    expect(reached).toEqual([]);
    expect((await post(direct, own, "x".repeat(SERVER_ACTION_MAX_BYTES))).status).toBe(200);
  });

  it("leaves every other request to the app: a POST without the action header from any origin, a large one, and other methods", async () => {
    reached.length = 0;
    expect((await post(direct, { origin: "http://crm.b.localhost:4000" }, "x".repeat(SERVER_ACTION_MAX_BYTES + 1))).status).toBe(200);
    expect(reached).toEqual(["POST http://crm.b.localhost:4000"]);
  });
});

describe("server action calls streamed without a length (chunked)", () => {
  const own = { ...ACTION, origin: "http://crm.a.localhost:4000" };
  /** `total` bytes in 64 KiB chunks, each byte its position modulo 251 (so a lost, doubled or reordered chunk shows). */
  const chunks = (total: number) => {
    const all = Buffer.alloc(total);
    for (let i = 0; i < total; i++) all[i] = i % 251;
    const list: Buffer[] = [];
    for (let at = 0; at < total; at += 64 * 1024) list.push(all.subarray(at, at + 64 * 1024));
    return { all, list };
  };

  it("refuses one whose streamed bytes pass 1 MiB with 413 payload_too_large, before the app", async () => {
    reached.length = 0;
    const r = await post(direct, own, chunks(SERVER_ACTION_MAX_BYTES + 1).list);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: "payload_too_large" });
    expect(reached).toEqual([]);
  });

  it("hands the app one under the cap, and one exactly at it, with its bytes unchanged", async () => {
    for (const total of [100_000, SERVER_ACTION_MAX_BYTES]) {
      reached.length = 0;
      bodies.length = 0;
      const { all, list } = chunks(total);
      expect((await post(direct, own, list)).status).toBe(200);
      expect(reached).toEqual(["POST http://crm.a.localhost:4000"]);
      expect(bodies[0]?.equals(all)).toBe(true);
    }
  });

  it("never hands the app one whose client goes away before its end, logs it as 499, and goes on answering", async () => {
    reached.length = 0;
    const logged = direct.logs.length;
    await new Promise<void>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: direct.port, path: "/leads", method: "POST", headers: { host: "crm.a.localhost:4000", ...own } });
      req.on("error", () => resolve());
      req.write(chunks(100_000).all);
      setTimeout(() => req.destroy(), 100);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reached).toEqual([]);
    expect(direct.logs.slice(logged).map((e) => [e.msg, e.method, e.status, e.level])).toEqual([["request", "POST", 499, "info"]]);
    expect((await post(direct, own, chunks(1000).list)).status).toBe(200);
    expect(direct.logs.slice(logged + 1).map((e) => [e.msg, e.status])).toEqual([["request", 200]]);
  });

  it("leaves a streamed POST without the action header to the app, whatever its size", async () => {
    reached.length = 0;
    expect((await post(direct, { origin: "http://crm.a.localhost:4000" }, chunks(SERVER_ACTION_MAX_BYTES + 1).list)).status).toBe(200);
    expect(reached).toEqual(["POST http://crm.a.localhost:4000"]);
  });
});

describe("multipart form posts without the action header (Next.js's no-JavaScript form actions)", () => {
  const multipart = { "content-type": "multipart/form-data; boundary=b" };
  const form = '--b\r\ncontent-disposition: form-data; name="$ACTION_ID_7f0123456789abcdef0123456789abcdef012345"\r\n\r\n\r\n--b--\r\n';

  it("refuses one from a page on another host, another port or `null` with 403 forbidden_origin, before the app", async () => {
    reached.length = 0;
    for (const origin of ["http://crm.b.localhost:4000", "http://crm.a.localhost:4001", "null"]) {
      const r = await post(direct, { ...multipart, origin }, form);
      expect([origin, r.status]).toEqual([origin, 403]);
      expect(JSON.parse(r.body)).toMatchObject({ error: "forbidden_origin" });
    }
    expect(reached).toEqual([]);
  });

  it("hands the app one from its own host's page or naming no Origin, and a url-encoded form post from anywhere (Next.js does not run those as actions)", async () => {
    reached.length = 0;
    expect((await post(direct, { ...multipart, origin: "http://crm.a.localhost:4000" }, form)).status).toBe(200);
    expect((await post(direct, multipart, form)).status).toBe(200);
    const urlencoded = { "content-type": "application/x-www-form-urlencoded", origin: "http://crm.b.localhost:4000" };
    expect((await post(direct, urlencoded, "email=a%40b.example")).status).toBe(200);
    expect(reached).toEqual(["POST http://crm.a.localhost:4000", "POST -", "POST http://crm.b.localhost:4000"]);
  });
});

describe("multipart posts past 1 MiB to a page (Next.js reads them as a possible form action, under its 1 MiB cap)", () => {
  const page = { "content-type": "multipart/form-data; boundary=b", origin: "http://crm.a.localhost:4000" };
  /** A multipart body of exactly `total` bytes: one field padded to size. */
  const form = (total: number) => {
    const head = '--b\r\ncontent-disposition: form-data; name="$ACTION_ID_7f0123456789abcdef0123456789abcdef012345"\r\n\r\n';
    const tail = "\r\n--b--\r\n";
    return head + "x".repeat(total - head.length - tail.length) + tail;
  };
  const inChunks = (body: string) => Array.from({ length: Math.ceil(body.length / 65_536) }, (_, i) => Buffer.from(body.slice(i * 65_536, (i + 1) * 65_536)));

  it("refuses one from its own host's page or naming no Origin with 413 payload_too_large, sized or streamed, before the app", async () => {
    reached.length = 0;
    const over = form(SERVER_ACTION_MAX_BYTES + 1);
    for (const [name, headers, body, target] of [
      ["sized", page, over, "/leads"],
      ["streamed", page, inChunks(over), "/leads"],
      ["no Origin", { "content-type": page["content-type"] }, over, "/leads"],
      ["dot segments out of /api/", page, over, "/api/../leads"],
    ] as const) {
      const r = await post(direct, headers, body, target);
      expect([name, r.status]).toEqual([name, 413]);
      expect(JSON.parse(r.body)).toMatchObject({ error: "payload_too_large" });
    }
    // A page of the build, a path no route serves (Next.js's not-found page), under /api/ too.
    for (const target of ["/", "/settings/team", "/api", "/API/tenants/t1/logo", "/api/nope", "/api/tenants/t1/logo/x"]) {
      expect([target, (await post(direct, page, over, target)).status]).toEqual([target, 413]);
    }
    expect(reached).toEqual([]);
  });

  it("hands the app one at the cap, and one past it to a route handler under /api/ (the studio's logo upload), byte for byte", async () => {
    reached.length = 0;
    bodies.length = 0;
    expect((await post(direct, page, form(SERVER_ACTION_MAX_BYTES))).status).toBe(200);
    const upload = form(SERVER_ACTION_MAX_BYTES + 64 * 1024);
    expect((await post(direct, page, upload, "/api/tenants/t1/logo")).status).toBe(200);
    expect((await post(direct, page, inChunks(upload), "/api/tenants/t1/logo")).status).toBe(200);
    expect(reached).toHaveLength(3);
    expect(bodies.map((b) => b.length)).toEqual([SERVER_ACTION_MAX_BYTES, upload.length, upload.length]);
    expect(bodies[2]?.toString()).toBe(upload);
  });
});
