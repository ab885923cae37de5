import { studioEnv } from "./env";

/** A link to a tenant's host; `*.localhost` hosts get the local port of the web app or the CRM. */
export function siteUrl(hostname: string, options: { kind?: "WEB" | "CRM"; path?: string } = {}): string {
  const path = options.path ?? "/";
  const local = hostname === "localhost" || hostname.endsWith(".localhost");
  const env = studioEnv();
  const port = options.kind === "CRM" ? env.CRM_PUBLIC_PORT : env.WEB_PUBLIC_PORT;
  return local ? `http://${hostname}:${port}${path}` : `https://${hostname}${path}`;
}
