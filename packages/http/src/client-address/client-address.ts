/**
 * The request header through which the app server (`real-estate-serve`, see ../serve) hands the
 * client's address to the app. The server deletes any value a client sent and sets its own, so
 * nothing a client writes can reach a route under this name.
 */
export const CLIENT_ADDRESS_HEADER = "x-real-estate-client-address";

/** What `clientAddress` answers when the app was started without the app server (`next start`, `next dev`). */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

let warned = false;

/**
 * The client's address: the TCP peer, or the address a trusted proxy names (TRUST_PROXY), as
 * resolved by the app server. Rate limits key on it and sessions record it. Without the app
 * server every client shares one "unknown" address: limits then hold for everyone together,
 * never per a value the client chose.
 */
export function clientAddress(headers: Headers): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  if (value) return value;
  if (!warned && process.env.NODE_ENV === "production") {
    warned = true;
    console.warn(`[http] no ${CLIENT_ADDRESS_HEADER} header: start the app with real-estate-serve, not next start; clients share one rate-limit bucket`);
  }
  return UNKNOWN_CLIENT_ADDRESS;
}
