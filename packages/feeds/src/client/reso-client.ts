// A RESO Web API (OData v4) client: OAuth 2 client credentials (tokens cached until expiry) or
// a static bearer token, server-driven paging, and the server's limits respected: 429 with
// Retry-After, 5xx and network failures retried with exponential backoff and jitter, a timeout
// on every request. Credentials never appear in an error message or a log line. Every request,
// the token's included, goes only to a checked destination (feed-destination.ts): the name is
// resolved, every address must be public unless an operator allowed the host, the connection is
// pinned to the checked addresses, and a redirect is never followed.
import {
  createConnectionPool,
  ForbiddenDestinationError,
  outboundFetch,
  resolveDestination,
  type ConnectionPool,
  type LookupAll,
} from "@real-estate/types/outbound";
import { z } from "zod";
import { feedAllowedHosts } from "./feed-destination";
import { FeedRequestError } from "./feed-errors";
import { BodyTooLargeError, DETAIL_BODY_BYTES, parseJson, readBody, TOKEN_BODY_BYTES } from "./read-body";
import { sharedTokenCache, TokenCache } from "./token-cache";

export type FeedAuth = { kind: "client_credentials"; tokenUrl: string; clientId: string; clientSecret: string } | { kind: "bearer"; token: string };

export type ResoClientOptions = {
  /** OData service root, e.g. https://api.mls.example/reso/odata */
  baseUrl: string;
  auth: FeedAuth;
  /** Per-request timeout (default 30,000 ms). */
  timeoutMs?: number;
  /** Attempts per request for 429, 5xx, timeouts and network errors (default 5). */
  maxAttempts?: number;
  /** First backoff step (default 500 ms), doubled each attempt, with jitter, at most 30 s. */
  backoffBaseMs?: number;
  /** Longest Retry-After waited in-process (default 60 s); longer ones end the run and reschedule it. */
  maxRetryAfterMs?: number;
  /**
   * Most bytes read from one answer, after any gzip/deflate decoding (default 64 MiB): a longer
   * body fails the request, whether sent whole, chunked without end or as a compression bomb.
   */
  maxBodyBytes?: number;
  /** Called with a `dispatcher` in its init: undici's fetch (`outboundFetch`), or a wrapper of it. */
  fetch?: typeof fetch;
  /** Hosts allowed although on this machine or its networks (default: FEED_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** The name lookup (default: the system's); tests inject one. */
  lookup?: LookupAll;
  /** Kept-alive connections per checked destination (default: the process's). */
  pool?: ConnectionPool;
  sleep?: (ms: number) => Promise<void>;
  tokenCache?: TokenCache;
};

export type ResoPage = { value: Record<string, unknown>[]; nextLink: string | null };

/**
 * An OData collection's body as a page, or null when it is not one: `value` an array of objects,
 * `@odata.nextLink` absent or a string. Checked in place: a page is up to thousands of records of
 * dozens of fields each, and a schema parse would copy every one of them.
 */
function readODataPage(body: unknown): ResoPage | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { value, "@odata.nextLink": nextLink } = body as { value?: unknown; "@odata.nextLink"?: unknown };
  if (!Array.isArray(value) || (nextLink !== undefined && typeof nextLink !== "string")) return null;
  for (const record of value) {
    if (typeof record !== "object" || record === null || Array.isArray(record)) return null;
    // JSON.parse makes "__proto__" an own field; copied into another object it would set that
    // object's prototype, so it is dropped here, as a schema parse drops it.
    if (Object.hasOwn(record, "__proto__")) delete (record as Record<string, unknown>)["__proto__"];
  }
  return { value: value as Record<string, unknown>[], nextLink: nextLink ?? null };
}

const ZToken = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().optional(), token_type: z.string().optional() });

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The process's feed connections: every run reuses a connection to the same checked addresses. */
const sharedFeedConnections = createConnectionPool();

export type ResoClient = {
  get(resource: string, params: Record<string, string | undefined>): Promise<ResoPage>;
  /** Follows an @odata.nextLink (only on the feed's own origin: the token goes nowhere else). */
  getNextLink(nextLink: string): Promise<ResoPage>;
  /** Requests made, for progress and tests. */
  readonly requests: number;
};

export function createResoClient(options: ResoClientOptions): ResoClient {
  const doFetch = options.fetch ?? outboundFetch;
  const allowedHosts = options.allowedHosts ?? feedAllowedHosts();
  const pool = options.pool ?? sharedFeedConnections;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffBaseMs = options.backoffBaseMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const cache = options.tokenCache ?? sharedTokenCache;
  const root = options.baseUrl.replace(/\/+$/, "");
  const origin = new URL(root).origin;
  let requests = 0;

  const auth = options.auth;
  const cacheKey = auth.kind === "client_credentials" ? TokenCache.keyFor(auth.tokenUrl, auth.clientId, auth.clientSecret) : "";

  async function timedFetch(url: string, init: RequestInit): Promise<Response> {
    requests++;
    const target = new URL(url);
    let addresses: { address: string; family: number }[];
    try {
      addresses = await resolveDestination(target, { allowedHosts, lookup: options.lookup });
    } catch (error) {
      if (error instanceof ForbiddenDestinationError) {
        throw new FeedRequestError(`${describe(url)}: ${error.message} (an operator may allow the host in FEED_ALLOWED_HOSTS)`, { transient: false });
      }
      throw new FeedRequestError(`${describe(url)}: ${(error as Error).message}`, { transient: true });
    }
    const protocol = target.protocol === "https:" ? "https:" : "http:";
    const { dispatcher } = pool.dispatcherFor({
      protocol,
      hostname: target.hostname,
      port: Number(target.port) || (protocol === "https:" ? 443 : 80),
      addresses,
    });
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: "manual", dispatcher } as RequestInit);
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      const what = name === "TimeoutError" || name === "AbortError" ? `timed out after ${timeoutMs} ms` : "network error";
      throw new FeedRequestError(`${describe(url)}: ${what}`, { transient: true });
    }
    if (response.status >= 300 && response.status < 400) {
      // Another address would have to be checked again, and the token would go along: never followed.
      await response.body?.cancel();
      throw new FeedRequestError(`${describe(url)} answered ${response.status}: a redirect, not followed (use the final URL)`, {
        transient: false,
        status: response.status,
      });
    }
    return response;
  }

  /** The text with each credential (4 characters or more) replaced by dots. */
  function withoutCredentials(text: string, credentials: string[]): string {
    return credentials.filter((c) => c.length >= 4).reduce((out, c) => out.split(c).join("••••"), text);
  }

  /** The URL without its query string: filters can carry an office id, never worth a log line. */
  function describe(url: string) {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  }

  /**
   * The answer's JSON, its body read within `limit` bytes and within the request's timeout (the
   * signal covers the body: a server trickling bytes is cut off like one that never answers).
   */
  async function readJson(url: string, response: Response, limit: number): Promise<unknown> {
    try {
      return parseJson(await readBody(response, limit));
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw new FeedRequestError(`${describe(url)}: answered ${error.message}; not read`, { transient: false });
      const name = error instanceof Error ? error.name : "";
      const what = name === "TimeoutError" || name === "AbortError" ? `timed out after ${timeoutMs} ms` : "network error";
      throw new FeedRequestError(`${describe(url)}: ${what} while reading the answer`, { transient: true });
    }
  }

  async function fetchToken(): Promise<string> {
    if (auth.kind === "bearer") return auth.token;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: auth.clientId, client_secret: auth.clientSecret });
    const response = await timedFetch(auth.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
    });
    if (!response.ok) {
      await response.body?.cancel();
      const transient = response.status === 429 || response.status >= 500;
      throw new FeedRequestError(
        `token endpoint ${describe(auth.tokenUrl)} answered ${response.status}${response.status === 401 || response.status === 400 ? " (check the client id and secret)" : ""}`,
        {
          transient,
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
        },
      );
    }
    const parsed = ZToken.safeParse(await readJson(auth.tokenUrl, response, TOKEN_BODY_BYTES));
    if (!parsed.success) throw new FeedRequestError(`token endpoint ${describe(auth.tokenUrl)} sent no access_token`, { transient: false });
    cache.set(cacheKey, parsed.data.access_token, parsed.data.expires_in ?? 3600);
    return parsed.data.access_token;
  }

  async function request(url: string): Promise<ResoPage> {
    let refreshedToken = false;
    for (let attempt = 1; ; attempt++) {
      let failure: FeedRequestError;
      try {
        const token = await fetchToken();
        const response = await timedFetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
        if (response.ok) {
          const page = readODataPage(await readJson(url, response, maxBodyBytes));
          if (!page) throw new FeedRequestError(`${describe(url)}: not an OData collection`, { transient: false });
          return page;
        }
        // Quoted in the error (run history, the studio's connection test, logs): a server that
        // echoes the request back must not put the credentials there.
        const detail = withoutCredentials(await readBody(response, DETAIL_BODY_BYTES, true).catch(() => ""), [
          token,
          auth.kind === "client_credentials" ? auth.clientSecret : "",
        ]);
        if (response.status === 401 && auth.kind === "client_credentials" && !refreshedToken) {
          // The cached token may have been revoked or expired early: one new token, then give up.
          cache.delete(cacheKey);
          refreshedToken = true;
          attempt--;
          continue;
        }
        const transient = response.status === 429 || response.status === 408 || response.status >= 500;
        failure = new FeedRequestError(`${describe(url)} answered ${response.status}${transient ? "" : `: ${detail.slice(0, 200)}`}`, {
          transient,
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
        });
      } catch (error) {
        if (!(error instanceof FeedRequestError)) throw error;
        failure = error;
      }
      if (!failure.transient || attempt >= maxAttempts) throw failure;
      const retryAfter = failure.options.retryAfterMs;
      if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) throw failure;
      const backoff = Math.min(30_000, backoffBaseMs * 2 ** (attempt - 1));
      await sleep(retryAfter ?? backoff / 2 + Math.random() * (backoff / 2));
    }
  }

  return {
    get(resource, params) {
      const url = new URL(`${root}/${resource}`);
      for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") url.searchParams.set(k, v);
      return request(url.toString());
    },
    getNextLink(nextLink) {
      const url = new URL(nextLink, `${root}/`);
      if (url.origin !== origin) throw new FeedRequestError(`nextLink points at another origin (${url.origin}); not following it`, { transient: false });
      return request(url.toString());
    },
    get requests() {
      return requests;
    },
  };
}
