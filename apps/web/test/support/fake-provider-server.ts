// A local stand-in for the Walk Score and Google Places (New) APIs, counting requests.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRequest = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string };

export type FakeProviderServer = {
  url: string;
  requests: FakeRequest[];
  count: (prefix: string) => number;
  /** Makes every answer a 500 until turned off. */
  failing: (on: boolean) => void;
  close: () => Promise<void>;
};

const PLACES = [
  {
    id: "place-1",
    displayName: { text: "Harbor Park" },
    primaryTypeDisplayName: { text: "Park" },
    primaryType: "park",
    googleMapsUri: "https://maps.google.com/?cid=1",
  },
  { id: "place-2", displayName: { text: "Main Street Bistro" }, primaryTypeDisplayName: { text: "Restaurant" }, primaryType: "restaurant" },
];

export async function startFakeProviderServer(): Promise<FakeProviderServer> {
  const requests: FakeRequest[] = [];
  let fail = false;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      requests.push({ method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      // For tests in other processes: what this server was asked so far.
      if (url.pathname === "/__requests") {
        requests.pop();
        return send(
          200,
          requests.map((r) => ({ method: r.method, path: r.path, query: Object.fromEntries(r.query), body: r.body })),
        );
      }
      if (fail) return send(500, { error: "boom" });
      if (url.pathname === "/score") {
        if (url.searchParams.get("wsapikey") !== "ws-key") return send(200, { status: 40 });
        return send(200, {
          status: 1,
          walkscore: 88,
          description: "Very Walkable",
          ws_link: "https://www.walkscore.com/score/x",
          transit: { score: 41 },
          bike: { score: 67 },
        });
      }
      if (url.pathname === "/v1/places:searchNearby" && req.method === "POST") {
        if (req.headers["x-goog-api-key"] !== "gp-key") return send(403, { error: { status: "PERMISSION_DENIED" } });
        return send(200, { places: PLACES });
      }
      const detail = /^\/v1\/places\/(.+)$/.exec(url.pathname);
      if (detail) {
        const place = PLACES.find((p) => p.id === decodeURIComponent(detail[1]!));
        return place ? send(200, place) : send(404, { error: { status: "NOT_FOUND" } });
      }
      send(404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (prefix) => requests.filter((r) => r.path.startsWith(prefix)).length,
    failing: (on) => {
      fail = on;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
