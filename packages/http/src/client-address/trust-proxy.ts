import proxyaddr from "proxy-addr";
import { parseEnvList } from "@real-estate/types/env-list";

/** Which proxies may name the client: none (the socket's peer is the client), a number of hops, or addresses. */
export type TrustProxy =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; list: string[]; trusts: (address: string, hop: number) => boolean };

/** The forwarding header the trusted proxies set. */
export type ForwardingHeader = "x-forwarded-for" | "forwarded";

export type TrustSettings = { trust: TrustProxy; header: ForwardingHeader };

/**
 * Reads TRUST_PROXY and TRUST_PROXY_HEADER (default: trust nothing; header X-Forwarded-For).
 *
 * - unset, empty or `0`: forwarding headers are ignored, the socket's peer is the client;
 * - a whole number N (1-16): the N proxies nearest to the server are trusted (N = 1 behind one
 *   nginx or load balancer);
 * - a comma-separated list of addresses, CIDR ranges or `loopback` / `linklocal` / `uniquelocal`:
 *   hops from those addresses are trusted (proxy-addr's syntax).
 *
 * `true`/`*` are refused: trusting every hop would let any client choose its own address.
 */
export function parseTrustSettings(env: { TRUST_PROXY?: string; TRUST_PROXY_HEADER?: string }): TrustSettings {
  const raw = (env.TRUST_PROXY ?? "").trim();
  const headerRaw = (env.TRUST_PROXY_HEADER ?? "x-forwarded-for").trim().toLowerCase();
  if (headerRaw !== "x-forwarded-for" && headerRaw !== "forwarded") {
    throw new Error(`TRUST_PROXY_HEADER must be x-forwarded-for or forwarded, not "${env.TRUST_PROXY_HEADER}"`);
  }
  const header: ForwardingHeader = headerRaw;
  if (raw === "" || raw === "0") return { trust: { kind: "none" }, header };
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 16) throw new Error(`TRUST_PROXY: a number of proxy hops must be 1-16, not ${raw}`);
    return { trust: { kind: "hops", hops }, header };
  }
  if (/^(true|\*|yes|all)$/i.test(raw)) {
    throw new Error("TRUST_PROXY: trusting every hop lets any client choose its address; give the number of proxies or their addresses");
  }
  const list = parseEnvList(raw);
  let trusts: (address: string, hop: number) => boolean;
  try {
    trusts = proxyaddr.compile(list);
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${(error as Error).message} (expected a number of hops or addresses / CIDR ranges)`);
  }
  return { trust: { kind: "addresses", list, trusts }, header };
}
