import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nginxAvailable } from "../src";
import { startStandInEdge, type StandInEdge } from "./support/stand-in-edge";
import { httpRequest } from "./support/web-instances";

// The website's pages say `s-maxage=5, stale-while-revalidate=<a year>` (Next.js's default
// expiry): an expired page may be served while it is fetched again. When the app's new answer is
// not one to store (a 404 or redirect with no-store or no caching headers), the stored page must
// stop being served: the edge may keep it for visitors who arrive while a refresh is in flight,
// never for good. The stand-in serves a page, then withdraws it.
const WEB_PORT = 26451;
const PAGE_CACHE = "s-maxage=1, stale-while-revalidate=31535999";

/** What each path answers now. */
const answers = new Map<string, { status: number; headers: Record<string, string>; body: string; delayMs?: number }>();
const page = (body: string, delayMs?: number) => ({ status: 200, headers: { "content-type": "text/html", "cache-control": PAGE_CACHE }, body, delayMs });

let edge: StandInEdge | undefined;

const get = (pathName: string) => httpRequest(WEB_PORT, "a.localhost", pathName);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!nginxAvailable() && !process.env.CI)("pages the app withdrew (nginx)", () => {
  beforeAll(async () => {
    edge = await startStandInEdge({
      label: "withdrawn",
      webPort: WEB_PORT,
      handle: (req, res) => {
        const answer = answers.get(req.url ?? "") ?? { status: 404, headers: { "cache-control": "no-store" }, body: "none" };
        setTimeout(() => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        }, answer.delayMs ?? 0);
      },
    });
  });

  afterAll(async () => {
    await edge?.stop();
  });

  it("answers the app's 404 or redirect once the stored page has expired and been asked for again, not the old page for as long as it is asked for", async () => {
    answers.set("/listing", page("<h1>For sale</h1>"));
    answers.set("/old-path", page("<h1>Old path</h1>"));
    for (const p of ["/listing", "/old-path"]) expect((await get(p)).status).toBe(200);
    answers.set("/listing", {
      status: 404,
      headers: { "content-type": "text/html", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" },
      body: "<h1>Not found</h1>",
    });
    answers.set("/old-path", { status: 308, headers: { location: "/new-path" }, body: "" });
    await sleep(2_100);
    // The first request after expiry may still get the old page (stale-while-revalidate) and has
    // the app asked again; once that answer is in, the app's answer is what visitors get.
    for (const p of ["/listing", "/old-path"]) await get(p);
    await sleep(300);
    for (let i = 0; i < 3; i++) {
      const gone = await get("/listing");
      expect([gone.status, gone.body], `request ${i + 2} after expiry`).toEqual([404, "<h1>Not found</h1>"]);
      const moved = await get("/old-path");
      expect([moved.status, moved.headers.location], `request ${i + 2} after expiry`).toEqual([308, "/new-path"]);
    }
  });

  it("keeps serving the stored page while the app fails (500)", async () => {
    answers.set("/contact", page("<h1>Contact us</h1>"));
    expect((await get("/contact")).status).toBe(200);
    answers.set("/contact", { status: 500, headers: { "content-type": "text/html", "cache-control": "no-store" }, body: "<h1>Error</h1>" });
    await sleep(2_100);
    for (let i = 0; i < 3; i++) {
      const res = await get("/contact");
      expect([res.status, res.body], `request ${i + 1} after expiry`).toEqual([200, "<h1>Contact us</h1>"]);
      expect(["STALE", "UPDATING"]).toContain(res.headers["x-cache-status"]);
    }
  });

  it("still serves the stored page to visitors who arrive while an expired page is being fetched again", async () => {
    answers.set("/towns", page("<h1>Towns, first</h1>"));
    expect((await get("/towns")).body).toBe("<h1>Towns, first</h1>");
    answers.set("/towns", page("<h1>Towns, second</h1>", 1_000));
    await sleep(2_100);
    const refreshing = get("/towns");
    await sleep(200);
    const meanwhile = await get("/towns");
    expect([meanwhile.body, meanwhile.headers["x-cache-status"]]).toEqual(["<h1>Towns, first</h1>", "UPDATING"]);
    expect((await refreshing).body).toBe("<h1>Towns, second</h1>");
    const after = await get("/towns");
    expect([after.body, after.headers["x-cache-status"]]).toEqual(["<h1>Towns, second</h1>", "HIT"]);
  });
});
