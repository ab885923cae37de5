import http from "node:http";
import https from "node:https";
import type { LookupFunction, Socket } from "node:net";

/** One checked destination: the protocol, the port and every address its name resolved to (all checked). */
export type PinnedDestination = { protocol: "http:" | "https:"; port: number; addresses: readonly { address: string; family: number }[] };

/** Agents kept at most; the least recently used one beyond this is closed. */
const MAX_AGENTS = 256;
/**
 * A kept-alive connection unused this long is closed: below the 5 s most servers keep an idle
 * connection open (Node's default), so a connection is not reused just as the receiver closes it.
 */
const IDLE_SOCKET_MS = 4_000;

/**
 * The pool's key: the protocol, the port and the checked addresses (sorted). A connection is
 * reused only for a destination that resolved to exactly these addresses: a name that resolves
 * elsewhere next time gets a different agent, never a connection to the earlier address.
 */
export function destinationKey(d: PinnedDestination): string {
  const addresses = d.addresses.map((a) => a.address).sort();
  return `${d.protocol}//${d.port}/${addresses.join(",")}`;
}

/** A lookup answering only with the checked addresses (the connection cannot go anywhere else). */
export function pinnedLookup(addresses: readonly { address: string; family: number }[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [...addresses]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

type Entry = { agent: http.Agent; allowed: ReadonlySet<string> };

/**
 * Kept-alive connections for webhook deliveries, one agent per checked destination
 * (`destinationKey`). Every connection an agent opens goes through the pinned lookup of its
 * key's addresses, and a socket handed out is checked once more against them (its remote
 * address), so a connection is never used for a destination that resolved to another address.
 * The destination is still resolved and checked before every delivery (postWebhook).
 */
export function createConnectionPool(options: { maxAgents?: number; idleSocketMs?: number } = {}) {
  const maxAgents = options.maxAgents ?? MAX_AGENTS;
  const idleSocketMs = options.idleSocketMs ?? IDLE_SOCKET_MS;
  const agents = new Map<string, Entry>();

  function agentFor(d: PinnedDestination): { agent: http.Agent; key: string; allowed: ReadonlySet<string> } {
    const key = destinationKey(d);
    let entry = agents.get(key);
    if (entry) {
      // Most recently used last.
      agents.delete(key);
      agents.set(key, entry);
      return { agent: entry.agent, key, allowed: entry.allowed };
    }
    const agentOptions: http.AgentOptions = { keepAlive: true, timeout: idleSocketMs, scheduling: "lifo" };
    const agent = d.protocol === "https:" ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    // Whatever lookup a request brings, this agent's connections resolve only to its own addresses.
    const lookup = pinnedLookup(d.addresses);
    const create = agent.createConnection.bind(agent) as (o: Record<string, unknown>, cb?: unknown) => Socket;
    (agent as unknown as { createConnection: typeof create }).createConnection = (o, cb) => create({ ...o, lookup }, cb);
    entry = { agent, allowed: new Set(d.addresses.map((a) => normalise(a.address))) };
    agents.set(key, entry);
    while (agents.size > maxAgents) {
      const [oldestKey, oldest] = agents.entries().next().value as [string, Entry];
      agents.delete(oldestKey);
      oldest.agent.destroy();
    }
    return { agent, key, allowed: entry.allowed };
  }

  return {
    agentFor,
    /** True when a connected socket's peer is one of the checked addresses (an unconnected one is checked by its lookup). */
    isPinned(socket: Socket, allowed: ReadonlySet<string>): boolean {
      const remote = socket.remoteAddress;
      return remote === undefined || allowed.has(normalise(remote));
    },
    /** Agents open now (tests). */
    size: () => agents.size,
    /** Closes every kept connection. */
    destroy() {
      for (const entry of agents.values()) entry.agent.destroy();
      agents.clear();
    },
  };
}

export type ConnectionPool = ReturnType<typeof createConnectionPool>;

/** An address as a socket reports it: lower-case, an IPv4-mapped IPv6 form as IPv4. */
function normalise(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice(7) : lower;
}
