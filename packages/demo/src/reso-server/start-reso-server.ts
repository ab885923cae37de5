// A local RESO Web API server for `npm start` and the tests: OAuth 2 client-credentials token
// endpoint, static bearer tokens, OData Property (with $expand=Media), Media, OpenHouse, Member and
// Office resources with server-driven paging, photo URLs, and injectable faults (429 with Retry-After,
// 5xx, slow responses). The platform's feed client talks to it exactly as to a real MLS.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { SeedTenant } from "../data";
import { renderListingPhotoSvg } from "../photos/render-listing-photo";
import { ODataQueryError, type ResoRecord } from "./odata-filter";
import { queryCollection } from "./odata-query";
import { ResoStore } from "./reso-store";

export type ResoFault = {
  /** HTTP status to answer with (429, 500, 503 ...); omit for a slow but correct answer. */
  status?: number;
  /** Seconds sent in Retry-After (429/503). */
  retryAfterSeconds?: number;
  /** Delay before answering, in milliseconds. */
  delayMs?: number;
  /** Only requests to this resource (e.g. "Property"); default: every OData request. */
  resource?: string;
  /** How many requests it affects (default 1). */
  times?: number;
};

export type ResoServerOptions = {
  tenant: SeedTenant;
  /** Listings in the market at start (default 300). */
  count?: number;
  /** "Today" for the generated data (default: start of today, UTC). */
  anchor?: Date;
  /** Default 127.0.0.1 and a free port. */
  host?: string;
  port?: number;
  /** OAuth clients accepted at /token. */
  clients?: { clientId: string; clientSecret: string }[];
  /** Static bearer tokens accepted as they are. */
  bearerTokens?: string[];
  /** Lifetime of issued access tokens (default 3600 s). */
  tokenTtlSeconds?: number;
  /** The most records one page carries, whatever $top asks (default 500). */
  maxPageSize?: number;
  /** The most keys a keys-only page ($select=ListingKey and the like) carries (default maxPageSize). */
  maxKeyPageSize?: number;
  /** A $top above the limit answered 400 instead of a smaller page with a nextLink. */
  refuseTopAbove?: boolean;
};

export type ResoServerStats = { tokenRequests: number; odataRequests: number; requestsByResource: Record<string, number>; faultsServed: number };

export type ResoServer = {
  url: string;
  /** OData service root (what a feed's base URL is set to). */
  serviceRoot: string;
  tokenUrl: string;
  store: ResoStore;
  stats: ResoServerStats;
  injectFault(fault: ResoFault): void;
  clearFaults(): void;
  /** Expires every issued token now (the next OData request answers 401). */
  expireTokens(): void;
  close(): Promise<void>;
};

const RESOURCES = ["Property", "Media", "OpenHouse", "Member", "Office"] as const;
/** Each resource's key: a request selecting it alone is a keys-only request (maxKeyPageSize). */
const KEY_FIELDS: Record<string, string> = { Property: "ListingKey", Media: "MediaKey", OpenHouse: "OpenHouseKey", Member: "MemberKey", Office: "OfficeKey" };

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function odataError(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  send(res, status, { error: { code, message } }, headers);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function timingSafeEqualText(a: string, b: string): boolean {
  const x = crypto.createHash("sha256").update(a).digest();
  const y = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

export async function startResoServer(options: ResoServerOptions): Promise<ResoServer> {
  const host = options.host ?? "127.0.0.1";
  const tokens = new Map<string, number>();
  const faults: (ResoFault & { left: number })[] = [];
  const stats: ResoServerStats = { tokenRequests: 0, odataRequests: 0, requestsByResource: {}, faultsServed: 0 };
  const ttl = options.tokenTtlSeconds ?? 3600;
  const maxPageSize = options.maxPageSize ?? 500;
  // Built once the port is known (photo URLs carry it).
  const data: { store?: ResoStore } = {};

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) odataError(res, 500, "InternalError", error instanceof Error ? error.message : "error");
      else res.destroy();
    });
  });

  async function handleToken(req: http.IncomingMessage, res: http.ServerResponse) {
    stats.tokenRequests++;
    const form = new URLSearchParams(await readBody(req));
    let clientId = form.get("client_id") ?? "";
    let clientSecret = form.get("client_secret") ?? "";
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
    if (basic) {
      const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":");
      clientId = decodeURIComponent(id ?? "");
      clientSecret = decodeURIComponent(secret ?? "");
    }
    if (form.get("grant_type") !== "client_credentials") return send(res, 400, { error: "unsupported_grant_type" });
    const client = (options.clients ?? []).find((c) => c.clientId === clientId && timingSafeEqualText(c.clientSecret, clientSecret));
    if (!client) return send(res, 401, { error: "invalid_client" });
    const token = crypto.randomBytes(24).toString("base64url");
    tokens.set(token, Date.now() + ttl * 1000);
    send(res, 200, { access_token: token, token_type: "Bearer", expires_in: ttl, scope: "api" });
  }

  function authorised(req: http.IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer) return false;
    if ((options.bearerTokens ?? []).some((t) => timingSafeEqualText(t, bearer))) return true;
    const expires = tokens.get(bearer);
    return expires !== undefined && expires > Date.now();
  }

  async function applyFault(resource: string, res: http.ServerResponse): Promise<boolean> {
    const fault = faults.find((f) => f.left > 0 && (!f.resource || f.resource === resource));
    if (!fault) return false;
    fault.left--;
    stats.faultsServed++;
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (!fault.status) return false;
    const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
    odataError(res, fault.status, fault.status === 429 ? "TooManyRequests" : "ServerError", "injected fault", headers);
    return true;
  }

  function collection(resource: string, orderBy: string | null): { records: ResoRecord[]; presortedBy?: string } {
    const s = data.store!;
    switch (resource) {
      case "Property":
        // Kept sorted both ways the feed client asks (replication and key reconciliation).
        if (orderBy?.replace(/\s+/g, " ").trim() === "ListingKey asc") return { records: s.byListingKey(), presortedBy: "ListingKey asc" };
        return { records: s.byModification(), presortedBy: "ModificationTimestamp asc,ListingKey asc" };
      case "Media":
        return { records: [...s.media.values()].flat() };
      case "OpenHouse":
        return { records: s.openHousesByModification(), presortedBy: "ModificationTimestamp asc,OpenHouseKey asc" };
      case "Member":
        return { records: s.members };
      default:
        return { records: s.offices };
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? host}`);
    if (url.pathname === "/token" && req.method === "POST") return handleToken(req, res);
    const photo = /^\/photos\/([^/]+)\/(\d{1,2})\.svg$/.exec(url.pathname);
    if (photo && req.method === "GET") {
      const key = decodeURIComponent(photo[1]!);
      const record = data.store!.get(key);
      if (!record) return odataError(res, 404, "NotFound", "no such photo");
      res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" });
      return res.end(
        renderListingPhotoSvg({ listingKey: key, index: Number(photo[2]), propertySubType: String(record.PropertySubType ?? "").replaceAll(" ", "") }),
      );
    }
    const match = /^\/odata\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match || req.method !== "GET") return odataError(res, 404, "NotFound", "no such resource");
    const resource = match[1]!;
    if (!(RESOURCES as readonly string[]).includes(resource)) return odataError(res, 404, "NotFound", `no resource ${resource}`);
    stats.odataRequests++;
    stats.requestsByResource[resource] = (stats.requestsByResource[resource] ?? 0) + 1;
    if (!authorised(req)) return odataError(res, 401, "Unauthorized", "a valid bearer token is required", { "www-authenticate": "Bearer" });
    if (await applyFault(resource, res)) return;
    try {
      const { records, presortedBy } = collection(resource, url.searchParams.get("$orderby"));
      const page = queryCollection({
        url,
        records,
        presortedBy,
        maxPageSize,
        maxKeyPageSize: options.maxKeyPageSize,
        keyField: KEY_FIELDS[resource],
        refuseTopAbove: options.refuseTopAbove,
        expand: resource === "Property" ? { Media: (r) => data.store!.media.get(r.ListingKey as string) ?? [] } : {},
      });
      send(res, 200, {
        "@odata.context": `${serviceRoot}/$metadata#${resource}`,
        value: page.value,
        ...(page.nextLink ? { "@odata.nextLink": page.nextLink } : {}),
      });
    } catch (error) {
      if (error instanceof ODataQueryError) return odataError(res, 400, "BadRequest", error.message);
      throw error;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const serviceRoot = `${url}/odata`;
  const store = (data.store = new ResoStore({
    tenant: options.tenant,
    count: options.count ?? 300,
    anchor: options.anchor ?? new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z"),
    photoBase: `${url}/photos`,
  }));
  return {
    url,
    serviceRoot,
    tokenUrl: `${url}/token`,
    store,
    stats,
    injectFault: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    clearFaults: () => void faults.splice(0),
    expireTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
