// Builds requests the way they reach a route handler after proxy.ts: Host kept, x-tenant-id
// stamped by the proxy (never by the client), the client address set by the app server
// (real-estate-serve) in CLIENT_ADDRESS_HEADER.
import { CLIENT_ADDRESS_HEADER } from "@real-estate/http";

export type ApiRequestOptions = {
  host: string;
  tenantId?: string;
  method?: string;
  json?: unknown;
  form?: Record<string, string>;
  rawBody?: string;
  contentType?: string;
  origin?: string | null;
  cookie?: string;
  ip?: string;
  headers?: Record<string, string>;
};

export function apiRequest(path: string, o: ApiRequestOptions): Request {
  const headers = new Headers({ host: o.host, [CLIENT_ADDRESS_HEADER]: o.ip ?? "203.0.113.10", ...(o.headers ?? {}) });
  if (o.tenantId) headers.set("x-tenant-id", o.tenantId);
  if (o.origin !== null) headers.set("origin", o.origin ?? `http://${o.host}:3000`);
  if (o.cookie) headers.set("cookie", o.cookie);
  let body: string | undefined;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers.set("content-type", "application/json");
  } else if (o.form) {
    body = new URLSearchParams(o.form).toString();
    headers.set("content-type", "application/x-www-form-urlencoded");
  } else if (o.rawBody !== undefined) {
    body = o.rawBody;
  }
  if (o.contentType) headers.set("content-type", o.contentType);
  return new Request(`http://${o.host}${path}`, { method: o.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

/** "name=value" pairs of a response's Set-Cookie headers, ready to send back as Cookie. */
export function cookiesFrom(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

let ipCounter = 0;
/** A fresh client address, so one test's rate-limit bucket never touches another's. */
export const freshIp = () => `198.51.100.${++ipCounter}`;
