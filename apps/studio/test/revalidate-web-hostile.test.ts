// The studio's call to the web app's revalidation endpoint, answered by a hostile server: the
// internal token goes to no other address, and the call ends within its 3 s whatever is sent.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revalidateTenantSite } from "@/lib/revalidate-web";

type Seen = { path: string; token: string | undefined };
const TOKEN = "internal-token-under-test-0123456789";
const timers = new Set<NodeJS.Timeout>();

async function start(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? "", token: req.headers["x-internal-token"] as string | undefined });
    req.resume();
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, seen, close };
}

let elsewhere: Awaited<ReturnType<typeof start>>;
let web: Awaited<ReturnType<typeof start>>;
let mode = "redirect";
const saved = { WEB_INTERNAL_URL: process.env.WEB_INTERNAL_URL, INTERNAL_API_TOKEN: process.env.INTERNAL_API_TOKEN };

beforeAll(async () => {
  // Another host (here another port) the hostile instance points at.
  elsewhere = await start((_req, res) => res.writeHead(200).end("thanks"));
  web = await start((_req, res) => {
    if (mode === "redirect") return res.writeHead(307, { location: `${elsewhere.url}/steal` }).end();
    if (mode === "trickle") {
      res.writeHead(200, { "content-type": "text/plain" });
      const t = setInterval(() => res.write("x"), 100);
      timers.add(t);
      return res.on("close", () => clearInterval(t));
    }
    // "silent": accepted, never answered.
  });
  process.env.WEB_INTERNAL_URL = web.url;
  process.env.INTERNAL_API_TOKEN = TOKEN;
});
afterAll(async () => {
  for (const t of timers) clearInterval(t);
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  await Promise.all([web.close(), elsewhere.close()]);
});

describe("revalidating the website against a hostile instance", () => {
  it("a redirect is not followed: the internal token reaches no other address", async () => {
    mode = "redirect";
    const result = await revalidateTenantSite("00000000-0000-4000-8000-000000000001");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain("answered 307: a redirect, not followed");
    expect(web.seen[0]?.token).toBe(TOKEN);
    // Long enough for a followed redirect to have arrived.
    await new Promise((r) => setTimeout(r, 300));
    expect(elsewhere.seen).toEqual([]);
  });

  it("an answer whose body trickles for ever, or no answer at all, ends within the call's 3 s", async () => {
    for (const m of ["trickle", "silent"]) {
      mode = m;
      const started = performance.now();
      const result = await revalidateTenantSite("00000000-0000-4000-8000-000000000001");
      expect(performance.now() - started).toBeLessThan(5_000);
      // A 200 whose body never ends is a success: the status is the answer, the body not read.
      if (m === "trickle") expect(result.ok ? "" : result.reason).not.toContain("web app");
      else expect(result.ok ? "" : result.reason).toContain("web app");
    }
  });
});
