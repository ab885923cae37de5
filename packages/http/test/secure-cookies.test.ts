// A cookie set in answer to an HTTPS request is Secure, whatever the app's configuration says:
// the website marks its visitor session Secure only when PUBLIC_URL_SCHEME is https, and behind a
// proxy that terminates TLS that setting can be left at its default (http).
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestFront, type TestFront } from "./support/test-front";

const SESSION = "visitor_session=abc; Path=/; Max-Age=60; SameSite=Lax; HttpOnly";
const HINT = "visitor_signed_in=1; Path=/; Max-Age=60; SameSite=Lax";

/** The app sets its cookies each way Next.js or Node.js can: setHeader, appendHeader, writeHead's object or flat list. */
async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const how = new URL(req.url ?? "/", "http://localhost").pathname;
  if (how === "/set-header") {
    res.setHeader("set-cookie", [SESSION, HINT]);
    res.end("ok");
  } else if (how === "/append-header") {
    res.appendHeader("Set-Cookie", SESSION);
    res.appendHeader("Set-Cookie", `${HINT}; Secure`);
    res.statusCode = 303;
    res.end();
  } else if (how === "/write-head-object") {
    res.writeHead(200, { "Set-Cookie": SESSION, "content-type": "text/plain" });
    res.end("ok");
  } else {
    res.writeHead(200, ["Set-Cookie", SESSION, "Content-Type", "text/plain"]);
    res.end("ok");
  }
}

function cookiesOf(port: number, pathName: string, headers: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathName, headers: { host: "a.localhost", ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.headers["set-cookie"] ?? []));
    });
    req.on("error", reject);
    req.end();
  });
}

const PATHS = ["/set-header", "/append-header", "/write-head-object", "/write-head-list"];
const secure = (c: string) => c.split(";").some((p) => p.trim().toLowerCase() === "secure");

describe("cookies of HTTPS requests", () => {
  let proxied: TestFront;
  let direct: TestFront;
  beforeAll(async () => {
    proxied = await startTestFront({ trust: { TRUST_PROXY: "loopback" }, handle });
    direct = await startTestFront({ handle });
  });
  afterAll(async () => {
    await proxied.close();
    await direct.close();
  });

  it("are all Secure (once) when a trusted proxy says the request came over HTTPS, however the app set them", async () => {
    for (const p of PATHS) {
      const cookies = await cookiesOf(proxied.port, p, { "x-forwarded-proto": "https" });
      expect(cookies.length, p).toBeGreaterThan(0);
      for (const c of cookies) {
        expect(secure(c), `${p}: ${c}`).toBe(true);
        expect(c.match(/;\s*secure/gi)).toHaveLength(1);
        expect(c.startsWith(c.startsWith("visitor_session") ? SESSION : HINT)).toBe(true);
      }
    }
  });

  it("are left as the app set them over plain HTTP, and when a client that is not a trusted proxy claims HTTPS", async () => {
    for (const [front, headers] of [
      [proxied, { "x-forwarded-proto": "http" }],
      [direct, { "x-forwarded-proto": "https" }],
    ] as const) {
      const cookies = await cookiesOf(front.port, "/set-header", headers);
      expect(cookies).toEqual([SESSION, HINT]);
    }
  });
});
