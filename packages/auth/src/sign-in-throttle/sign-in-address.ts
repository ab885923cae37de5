import { addressBucket, clientAddress } from "@real-estate/http";

/**
 * The client's address for the per-address sign-in limit: the request layer's `clientAddress`
 * (the socket's peer, or the address a trusted proxy names under TRUST_PROXY), IPv6 counted by
 * its /64. Nothing a client writes in a header chooses it.
 */
export function signInAddress(headers: Headers): string {
  return addressBucket(clientAddress(headers));
}
