// Calls the route handlers in-process with real Requests (Host header, cookie or Bearer key),
// against the real database and the real auth module: everything but the HTTP socket.
// With AUTH_PROVIDER=clerk (npm run test:clerk) members sign in through Clerk instead: a session
// token as Clerk issues it, signed with a key pair this process made and configured.
import { signInWithPassword } from "@real-estate/auth";
import { clerkSessionCookieFor, clerkTestMode } from "@real-estate/auth/testing";
import { resolveTenantByHost } from "@real-estate/sites";
import { PASSWORD } from "./crm-fixture";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route declares its own params shape
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response> | Response;

/** `basic`: an API key sent as the Basic-auth user name (Follow Up Boss style), `basicPassword` optional. */
export type Credentials = { cookie?: string; bearer?: string; basic?: string; basicPassword?: string };

export async function signInCookie(email: string, host: string): Promise<string> {
  if (clerkTestMode()) {
    const tenant = await resolveTenantByHost({ host, kind: "CRM" });
    if (!tenant) throw new Error(`no CRM tenant at ${host}`);
    return clerkSessionCookieFor({ email, tenantId: tenant.tenantId });
  }
  const res = await signInWithPassword({ email, password: PASSWORD, headers: new Headers({ host }) });
  if (!res.ok) throw new Error(`sign-in failed for ${email}: ${res.message}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function call(
  handler: Handler,
  options: {
    host: string;
    path: string;
    method?: string;
    creds?: Credentials;
    body?: unknown;
    rawBody?: string;
    contentType?: string | null;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers({ host: options.host, ...options.headers });
  if (options.creds?.basic !== undefined)
    headers.set("authorization", `Basic ${Buffer.from(`${options.creds.basic}:${options.creds.basicPassword ?? ""}`).toString("base64")}`);
  if (options.creds?.cookie) headers.set("cookie", options.creds.cookie);
  if (options.creds?.bearer) headers.set("authorization", `Bearer ${options.creds.bearer}`);
  let body: string | Blob | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    if (options.contentType !== null) headers.set("content-type", options.contentType ?? "application/json");
    body = options.rawBody ?? JSON.stringify(options.body);
    // A Blob without a type sends no Content-Type (a string body would default to text/plain).
    if (options.contentType === null) body = new Blob([body]);
  }
  const request = new Request(`http://${options.host}${options.path}`, { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
