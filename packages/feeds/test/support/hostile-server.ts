// A local feed server answering what a hostile MLS could (real HTTP): each test sets what it
// answers per bearer token (one per feed) or per path; anything else gets an empty page.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { allowFeedHost } from "./feed-fixtures";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

export type HostileServer = {
  /** What the server answers, per bearer token or path; cleared before each test. */
  handlers: Map<string, Handler>;
  /** The request URLs received in the current test. */
  requests: string[];
  /** `http://127.0.0.1:<port>`, allowed in this process's FEED_ALLOWED_HOSTS. */
  readonly origin: string;
};

const emptyPage: Handler = (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end('{"value":[]}');

/** Starts the server before the file's tests and closes it after them. */
export function useHostileServer(): HostileServer {
  const handlers = new Map<string, Handler>();
  const requests: string[] = [];
  let server: http.Server;
  let origin: string | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      requests.push(req.url ?? "");
      const url = new URL(req.url ?? "/", "http://x");
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      (handlers.get(token) ?? handlers.get(url.pathname) ?? emptyPage)(req, res, url);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    allowFeedHost(new URL(origin).host);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    handlers.clear();
    requests.length = 0;
  });

  return {
    handlers,
    requests,
    get origin() {
      if (!origin) throw new Error("useHostileServer: the server is started in beforeAll");
      return origin;
    },
  };
}
