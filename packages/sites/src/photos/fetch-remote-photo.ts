// Fetches one photo from a feed's media host. The URL comes from an MLS feed, so the fetch is
// guarded like any server-side request to an address someone else chose: http(s) only, no
// private, loopback or link-local address (checked on the address actually connected to, so a
// DNS answer cannot swap one in), redirects followed by hand under the same checks, a time limit
// and a size cap. The one exception is the feed's own service host when the operator allowed it
// in FEED_ALLOWED_HOSTS (a RESO server on the local network, or the local stand-in of the demo
// and tests), as the feed client itself allows it (decision 0102). Being the feed's host is not
// enough: a public name that passed the check when the feed was saved may later resolve to
// 127.0.0.1, and is then refused like any other.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isAllowedHost, isPublicAddress, parseAllowedHosts } from "@real-estate/types/outbound";

export type RemotePhoto = { body: Buffer; contentType: string };

export class PhotoFetchError extends Error {}

/**
 * True for an address a photo may not be fetched from: anything but a public unicast address
 * (the destination guard's rule, shared with webhooks and feeds: private, loopback, link-local,
 * reserved, and IPv6 forms that carry one of those, such as NAT64, 6to4 and IPv4-compatible).
 */
export function isBlockedAddress(address: string): boolean {
  return !isPublicAddress(address);
}

export type FetchRemotePhotoOptions = {
  url: string;
  /**
   * host[:port] of the feed's service root (`URL.host`): the only host that may be on this machine
   * or its networks, and only when `allowedHosts` names it; default none.
   */
  feedHost?: string | null;
  /** Hosts an operator allowed although on this machine or its networks; default FEED_ALLOWED_HOSTS, read on every call. */
  allowedHosts?: readonly string[];
  /** Default 10 s for the whole exchange. */
  timeoutMs?: number;
  /** Default 15 MB. */
  maxBytes?: number;
};

const MAX_REDIRECTS = 3;
const HINT = " (only the feed's own host, when allowed in FEED_ALLOWED_HOSTS)";

/**
 * FEED_ALLOWED_HOSTS as the feeds read it (`parseAllowedHosts`: `host` or `host:port`,
 * comma-separated; default none), read on every call so a restart or a test can change it.
 */
function photoAllowedHosts(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return parseAllowedHosts(env.FEED_ALLOWED_HOSTS);
}

/** True when `url` (one hop) may be on this machine or its networks: the feed's own host, allowed by the operator. */
function mayBePrivate(url: URL, feedHost: string | null | undefined, allowedHosts: readonly string[]): boolean {
  return !!feedHost && url.host === feedHost && isAllowedHost(url, allowedHosts);
}

export async function fetchRemotePhoto(options: FetchRemotePhotoOptions): Promise<RemotePhoto> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const allowedHosts = options.allowedHosts ?? photoAllowedHosts();
  let url = new URL(options.url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await requestOnce(url, {
      trusted: mayBePrivate(url, options.feedHost, allowedHosts),
      deadline,
      maxBytes: options.maxBytes ?? 15 * 1024 * 1024,
    });
    if (answer.kind === "photo") return answer.photo;
    url = new URL(answer.location, url);
  }
  throw new PhotoFetchError("too many redirects");
}

type Answer = { kind: "photo"; photo: RemotePhoto } | { kind: "redirect"; location: string };

function requestOnce(url: URL, options: { trusted: boolean; deadline: number; maxBytes: number }): Promise<Answer> {
  if (url.protocol !== "http:" && url.protocol !== "https:") return Promise.reject(new PhotoFetchError(`unsupported scheme ${url.protocol}`));
  const remaining = options.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new PhotoFetchError("timed out"));
  // Every address the connection would use is checked here, at connect time.
  const lookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      const allowed = options.trusted ? list : list.filter((a) => !isBlockedAddress(a.address));
      if (!allowed.length) return callback(new PhotoFetchError(`${hostname} resolves to a private address${HINT}`), "", 4);
      if ((lookupOptions as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(literal) && !options.trusted && isBlockedAddress(literal)) return Promise.reject(new PhotoFetchError(`private address${HINT}`));
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    // A connection of its own (agent: false): a kept-alive one is pooled by host and port only, so
    // a request the checks refuse would reuse the connection another request was allowed to open.
    const req = client.get(url, { agent: false, lookup, timeout: remaining, headers: { accept: "image/*", "user-agent": "real-estate-photos/1" } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ kind: "redirect", location: res.headers.location });
      }
      const contentType = String(res.headers["content-type"] ?? "")
        .split(";")[0]!
        .trim()
        .toLowerCase();
      if (status !== 200) {
        res.resume();
        return reject(new PhotoFetchError(`${url.host}${url.pathname} answered ${status}`));
      }
      if (!contentType.startsWith("image/")) {
        res.resume();
        return reject(new PhotoFetchError(`${url.host}${url.pathname} is not an image (${contentType || "no type"})`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          req.destroy(new PhotoFetchError("photo too large"));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => resolve({ kind: "photo", photo: { body: Buffer.concat(chunks), contentType } }));
      res.on("error", reject);
    });
    const timer = setTimeout(() => req.destroy(new PhotoFetchError("timed out")), remaining);
    req.on("close", () => clearTimeout(timer));
    req.on("timeout", () => req.destroy(new PhotoFetchError("timed out")));
    req.on("error", reject);
  });
}
