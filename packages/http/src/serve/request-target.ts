import type { IncomingMessage } from "node:http";

/**
 * Brings an absolute-form request target (`GET http://host/path`, which browsers send only to
 * forward proxies) to the origin form every app expects (`/path`), or refuses it. Next.js answers
 * such a target with a redirect to the URL as given, any host included, and the apps resolve
 * the tenant from the Host header: a target naming another authority than Host is ambiguous and
 * answered 400 (returns false), as is an origin-form target that does not parse as a URL. Any
 * other origin-form target, or OPTIONS `*` (which the front answers itself), is left as it is.
 */
export function normalizeRequestTarget(req: IncomingMessage): boolean {
  const target = req.url ?? "/";
  if (req.method === "OPTIONS" && target === "*") return true;
  // `//[` or `//host:99999/` is origin-form to the HTTP parser but no URL (read against a base,
  // `//` starts an authority): refused here, before anything parses it and throws.
  if (target.startsWith("/")) return URL.canParse(target, "http://localhost");
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
