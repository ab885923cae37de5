// Calls the route handlers in-process with real Requests (Host header, cookie or Bearer key),
// against the real database and the real auth module: everything but the HTTP socket.
import { signInWithPassword } from "@real-estate/auth";
import { PASSWORD } from "./crm-fixture";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route declares its own params shape
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response> | Response;

export type Credentials = { cookie?: string; bearer?: string };

export async function signInCookie(email: string, host: string): Promise<string> {
  const res = await signInWithPassword({ email, password: PASSWORD, headers: new Headers({ host }) });
  if (!res.ok) throw new Error(`sign-in failed for ${email}: ${res.message}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

export async function call(
  handler: Handler,
  options: { host: string; path: string; method?: string; creds?: Credentials; body?: unknown; rawBody?: string; contentType?: string; params?: Record<string, string> },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
): Promise<{ status: number; body: any }> {
  const headers = new Headers({ host: options.host });
  if (options.creds?.cookie) headers.set("cookie", options.creds.cookie);
  if (options.creds?.bearer) headers.set("authorization", `Bearer ${options.creds.bearer}`);
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers.set("content-type", options.contentType ?? "application/json");
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const request = new Request(`http://${options.host}${options.path}`, { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
