import { CrossSiteRequestError } from "../errors/http-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host (with port) of an Origin or Referer value, lower-case; null when it is not a URL (or `null`). */
function sourceHost(value: string): string | null {
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * CSRF defence for unsafe methods: a browser names the page that sent a request (Origin, else
 * Referer) and marks cross-site fetches (Sec-Fetch-Site). The sending page's host must be one
 * `isAllowedHost` accepts (default: the request's own Host). A request naming no source comes
 * from a non-browser client and passes; `Origin: null` (sandboxed or opaque) does not.
 */
export async function isSameOrigin(request: Request, isAllowedHost?: (host: string) => boolean | Promise<boolean>): Promise<boolean> {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.headers.get("sec-fetch-site") === "cross-site") return false;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (source === null) return true;
  const host = sourceHost(source);
  if (!host) return false;
  const allowed = isAllowedHost ?? ((h: string) => h === (request.headers.get("host") ?? "").toLowerCase());
  return await allowed(host);
}

/** Throws CrossSiteRequestError (403) unless `isSameOrigin`. */
export async function assertSameOrigin(request: Request, isAllowedHost?: (host: string) => boolean | Promise<boolean>): Promise<void> {
  if (!(await isSameOrigin(request, isAllowedHost))) throw new CrossSiteRequestError();
}
