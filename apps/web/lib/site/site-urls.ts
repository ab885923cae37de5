import { webEnv } from "../env";

/**
 * The tenant's public origin, from its primary host in the configuration: never from the
 * request's Host. `*.localhost` hosts get the local development port (WEB_PUBLIC_PORT).
 */
export function siteOrigin(primaryHostname: string | null | undefined): string {
  const env = webEnv();
  const host = primaryHostname || "localhost";
  const local = host === "localhost" || host.endsWith(".localhost");
  const defaultPort = env.PUBLIC_URL_SCHEME === "https" ? 443 : 80;
  const port = local && env.WEB_PUBLIC_PORT !== defaultPort ? `:${env.WEB_PUBLIC_PORT}` : "";
  return `${env.PUBLIC_URL_SCHEME}://${host}${port}`;
}

export function absoluteUrl(primaryHostname: string | null | undefined, path: string): string {
  return `${siteOrigin(primaryHostname)}${path.startsWith("/") ? path : `/${path}`}`;
}

export const townPath = (town: string) => `/towns/${encodeURIComponent(town)}`;
export const neighborhoodPath = (town: string, neighborhood: string) => `${townPath(town)}/${encodeURIComponent(neighborhood)}`;
export const listingPath = (listingKey: string) => `/homes/${encodeURIComponent(listingKey)}`;
