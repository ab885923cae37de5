import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nginxAvailable } from "../src";
import { startStandInEdge, type StandInEdge } from "./support/stand-in-edge";

// The edge gives every request its id (nginx's $request_id), hands it to the app and returns it
// to the client, also on a page served from the cache. The upstream here is a plain HTTP server
// that answers with the id it was given.
const WEB_PORT = 4561;
const CRM_PORT = 4562;
const HEX_ID = /^[0-9a-f]{32}$/;

let edge: StandInEdge | undefined;
let upstreamHits = 0;

describe.skipIf(!nginxAvailable() && !process.env.CI)("request ids at the edge (nginx)", () => {
  beforeAll(async () => {
    edge = await startStandInEdge({
      label: "request-id",
      webPort: WEB_PORT,
      crmPort: CRM_PORT,
      handle: (req, res) => {
        upstreamHits++;
        const cacheable = !req.url?.startsWith("/api/");
        res.writeHead(200, {
          "content-type": "application/json",
          "x-request-id": "set-by-the-app-0001",
          "cache-control": cacheable ? "public, s-maxage=60" : "no-store",
        });
        res.end(JSON.stringify({ seen: req.headers["x-request-id"] ?? null }));
      },
    });
  });

  afterAll(async () => {
    await edge?.stop();
  });

  const get = async (port: number, pathname: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${pathname}`, { headers: { host: "edge.localhost", "x-request-id": "client-chosen-0001" } });
    return { id: res.headers.get("x-request-id"), cache: res.headers.get("x-cache-status"), body: (await res.json()) as { seen: string | null } };
  };

  it("the app gets the edge's id, never the client's, and the client gets the same id back", async () => {
    for (const [port, pathname] of [
      [WEB_PORT, "/api/lead"],
      [CRM_PORT, "/leads"],
    ] as const) {
      const res = await get(port, pathname);
      expect(res.id, pathname).toMatch(HEX_ID);
      expect(res.body.seen).toBe(res.id);
    }
  });

  it("a page from the cache carries this request's id, not the one that filled the cache", async () => {
    const first = await get(WEB_PORT, "/homes");
    expect(first.cache).toBe("MISS");
    const hits = upstreamHits;
    const second = await get(WEB_PORT, "/homes");
    expect([second.cache, upstreamHits]).toEqual(["HIT", hits]);
    expect(second.id).toMatch(HEX_ID);
    expect(second.id).not.toBe(first.id);
    expect(second.body.seen).toBe(first.id);
  });
});
