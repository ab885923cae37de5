// Requests to the auth module as a CRM page makes them, shared by the auth suites.
import { signUpWithPassword } from "../../src/index";

export const HOST = "crm.alpha.localhost:3001";

/** The cookies a response sets, as a Cookie header sends them back. */
export function cookieFrom(headers: Headers): string {
  const cookies = headers.getSetCookie().map((c) => c.split(";")[0]);
  return cookies.join("; ");
}

export function requestHeaders(cookie?: string): Headers {
  const h = new Headers({ host: HOST });
  if (cookie) h.set("cookie", cookie);
  return h;
}

export async function signUp(email: string): Promise<{ userId: string; cookie: string }> {
  const res = await signUpWithPassword({ name: email.split("@")[0]!, email, password: "pass-word-1234", headers: requestHeaders() });
  if (!res.ok) throw new Error(`sign-up failed: ${res.message}`);
  return { userId: res.userId, cookie: cookieFrom(res.headers) };
}
