import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** Whether a Set-Cookie value already carries the Secure attribute. */
const hasSecure = (cookie: string) => cookie.split(";").some((part, i) => i > 0 && part.trim().toLowerCase() === "secure");

function secured(value: OutgoingHttpHeader): OutgoingHttpHeader {
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((c) => (hasSecure(c) ? c : `${c}; Secure`));
  return hasSecure(value) ? value : `${value}; Secure`;
}

/**
 * Marks every cookie of a response to an HTTPS request Secure, whatever the app set: a cookie
 * received over HTTPS must never be sent back over plain HTTP, where anyone on the path reads it
 * (a visitor's session, a staff member's). The apps decide Secure from their configuration
 * (PUBLIC_URL_SCHEME and the like), which can say `http` behind a proxy that terminates TLS.
 * Works however Node.js or Next.js sets the header (setHeader, appendHeader, or writeHead's list).
 */
export function secureCookies(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const current = res.getHeader("set-cookie");
    if (current !== undefined) res.setHeader("set-cookie", secured(current));
    for (const [i, arg] of args.entries()) {
      if (i === 0 || !arg || typeof arg !== "object") continue;
      if (Array.isArray(arg)) {
        // [name, value, name, value, ...] or [[name, value], ...]
        if (arg.length > 0 && Array.isArray(arg[0])) {
          for (const pair of arg as [string, OutgoingHttpHeader][]) if (String(pair[0]).toLowerCase() === "set-cookie") pair[1] = secured(pair[1]);
        } else {
          for (let j = 0; j + 1 < arg.length; j += 2) if (String(arg[j]).toLowerCase() === "set-cookie") arg[j + 1] = secured(arg[j + 1] as OutgoingHttpHeader);
        }
      } else {
        const headers = arg as OutgoingHttpHeaders;
        for (const key of Object.keys(headers)) if (key.toLowerCase() === "set-cookie" && headers[key] !== undefined) headers[key] = secured(headers[key]);
      }
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
}
