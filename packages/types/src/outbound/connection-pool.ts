import type { LookupFunction, Socket } from "node:net";
import { buildConnector, Pool } from "undici";

/**
 * One checked destination: the protocol, the host name (the request's Host and, over TLS, the
 * name the certificate must be for), the port and every address the name resolved to (all checked).
 */
export type PinnedDestination = {
  protocol: "http:" | "https:";
  hostname: string;
  port: number;
  addresses: readonly { address: string; family: number }[];
};

/** Destinations kept at most; the least recently used one beyond this is closed. */
const MAX_DESTINATIONS = 256;
/**
 * A kept-alive connection unused this long is closed: below the 5 s most servers keep an idle
 * connection open (Node's default), so a connection is not reused just as the receiver closes it.
 * A receiver's own, longer keep-alive hint does not lengthen it.
 */
const IDLE_SOCKET_MS = 4_000;
/** Connecting gives up after this; a call's own deadline is shorter. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The pool's key: the protocol, the host name, the port and the checked addresses (sorted). A
 * connection is reused only for a destination that resolved to exactly these addresses: a name
 * that resolves elsewhere next time gets a different pool, never a connection to the earlier address.
 */
export function destinationKey(d: PinnedDestination): string {
  const addresses = d.addresses.map((a) => a.address).sort();
  return `${d.protocol}//${d.hostname.toLowerCase()}:${d.port}/${addresses.join(",")}`;
}

/** A lookup answering only with the checked addresses (the connection cannot go anywhere else). */
export function pinnedLookup(addresses: readonly { address: string; family: number }[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [...addresses]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

/** True when a connected socket's peer is one of the checked addresses. */
export function isPinned(socket: Pick<Socket, "remoteAddress">, allowed: ReadonlySet<string>): boolean {
  const remote = socket.remoteAddress;
  return remote !== undefined && allowed.has(normalise(remote));
}

/** The address set `isPinned` checks a peer against. */
export function allowedAddresses(addresses: readonly { address: string; family: number }[]): ReadonlySet<string> {
  return new Set(addresses.map((a) => normalise(a.address)));
}

/**
 * An undici connector for one checked destination: its name resolves only to the checked
 * addresses (pinnedLookup), and a connection whose peer is not one of them is closed and
 * reported as a failure before any request is written on it. HTTP/1.1 only.
 */
export function pinnedConnector(d: PinnedDestination): buildConnector.connector {
  const connect = buildConnector({ lookup: pinnedLookup(d.addresses), allowH2: false, timeout: CONNECT_TIMEOUT_MS });
  const allowed = allowedAddresses(d.addresses);
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error("no connection"), null);
      if (!isPinned(socket, allowed)) {
        socket.destroy();
        return callback(new Error(`connection to ${socket.remoteAddress} is not to the checked address`), null);
      }
      callback(null, socket);
    });
}

/** The origin undici requests for a destination (its Host header). */
export function destinationOrigin(d: PinnedDestination): string {
  const host = d.hostname.includes(":") && !d.hostname.startsWith("[") ? `[${d.hostname}]` : d.hostname;
  return `${d.protocol}//${host}:${d.port}`;
}

type Entry = { pool: Pool; allowed: ReadonlySet<string> };

/**
 * Kept-alive connections for outbound calls (undici), one pool per checked destination
 * (`destinationKey`). Every connection a pool opens goes through its pinned connector: the name
 * resolves only to the key's addresses and the connected socket's peer is checked against them,
 * so a connection is never used for a destination that resolved to another address. The
 * destination is still resolved and checked before every call (postWebhook, the feed client).
 */
export function createConnectionPool(options: { maxDestinations?: number; idleSocketMs?: number } = {}) {
  const maxDestinations = options.maxDestinations ?? MAX_DESTINATIONS;
  const idleSocketMs = options.idleSocketMs ?? IDLE_SOCKET_MS;
  const pools = new Map<string, Entry>();

  function dispatcherFor(d: PinnedDestination): { dispatcher: Pool; key: string; allowed: ReadonlySet<string> } {
    const key = destinationKey(d);
    let entry = pools.get(key);
    if (entry) {
      // Most recently used last.
      pools.delete(key);
      pools.set(key, entry);
      return { dispatcher: entry.pool, key, allowed: entry.allowed };
    }
    const pool = new Pool(destinationOrigin(d), {
      connect: pinnedConnector(d),
      keepAliveTimeout: idleSocketMs,
      keepAliveMaxTimeout: idleSocketMs,
    });
    entry = { pool, allowed: allowedAddresses(d.addresses) };
    pools.set(key, entry);
    while (pools.size > maxDestinations) {
      const [oldestKey, oldest] = pools.entries().next().value as [string, Entry];
      pools.delete(oldestKey);
      oldest.pool.destroy().catch(() => {});
    }
    return { dispatcher: pool, key, allowed: entry.allowed };
  }

  return {
    dispatcherFor,
    /** True when a connected socket's peer is one of the checked addresses (what every pool's connector checks). */
    isPinned,
    /** Destinations with a pool now (tests). */
    size: () => pools.size,
    /** Closes every kept connection. */
    destroy() {
      for (const entry of pools.values()) entry.pool.destroy().catch(() => {});
      pools.clear();
    },
  };
}

export type ConnectionPool = ReturnType<typeof createConnectionPool>;

/** An address as a socket reports it: lower-case, an IPv4-mapped IPv6 form as IPv4. */
function normalise(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice(7) : lower;
}
