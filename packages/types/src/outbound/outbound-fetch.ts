import { fetch as undiciFetch } from "undici";

/**
 * fetch as undici (the version the connection pools are built with) implements it: the fetch a
 * `dispatcher` from `createConnectionPool` must be passed to (Node's own fetch bundles another
 * undici, whose requests such a dispatcher refuses).
 */
export const outboundFetch = undiciFetch as unknown as typeof fetch;
