import type { IncomingMessage } from "node:http";

/**
 * Brings an absolute-form request target (`GET http://host/path`, which browsers send only to
 * forward proxies) to the origin form every app expects (`/path`), or refuses it. Next.js answers
 * such a target with a redirect to the URL as given, any host included, and the apps resolve
 * the tenant from the Host header: a target naming another authority than Host is ambiguous and
 * answered 400 (returns false). An origin-form target, or OPTIONS `*`, is left as it is.
 */
export function normalizeRequestTarget(req: IncomingMessage): boolean {
  const target = req.url ?? "/";
  if (target.startsWith("/") || (req.method === "OPTIONS" && target === "*")) return true;
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  const host = String(req.headers.host ?? "").toLowerCase();
  if (!host || parsed.host.toLowerCase() !== host) return false;
  req.url = `${parsed.pathname}${parsed.search}`;
  return true;
}
