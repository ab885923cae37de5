/** Control characters (tab, CR, LF, NUL, DEL) and backslashes: browsers drop or rewrite them in URLs. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

const BASE = "http://same-origin.invalid";

/**
 * A `next` value to follow after sign-in, when it names a path of this site; otherwise
 * `fallback`. Refused: anything not starting with one `/` (schemes, `//host`, `/\host`),
 * backslashes, tabs, CR, LF and other control characters anywhere, and the same hidden behind
 * percent-encoding (decoded up to three times). What is left is parsed as a URL against a
 * placeholder origin and must stay on it; the answer is that URL's path, query and fragment,
 * which must itself pass the same checks: resolving dot segments can make a path that starts
 * with `//` (`/.//evil.example`, `/a/..//evil.example` → `//evil.example`), which a browser
 * follows to another host.
 */
export function safeRedirectPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2_000) return fallback;
  let layer = next;
  for (let round = 0; round < 4; round++) {
    if (FORBIDDEN.test(layer) || !layer.startsWith("/") || layer.startsWith("//")) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return fallback;
    }
    if (decoded === layer) break;
    layer = decoded;
  }
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
