// HTTP helpers for tests against the running studio: sign-ins and JSON calls.
import { createPrismaClient, setDb, type Db } from "@real-estate/db";
import { inject } from "vitest";
import { OPERATOR, OWNER } from "./constants";

export const studioUrl = () => `http://127.0.0.1:${inject("studioPort")}`;
export const studioOrigin = () => `http://127.0.0.1:${inject("studioPort")}`;

let db: Db | undefined;
/** The test database (also the process-wide client, for library calls in tests). */
export function testDb(): Db {
  if (!db) {
    db = createPrismaClient({ url: inject("databaseUrl"), poolSize: 3 });
    setDb(db);
  }
  return db;
}

export type ApiResponse = { status: number; body: any; headers: Headers; text: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One request to the studio; JSON bodies in and out, cookies as given. */
export async function api(
  method: string,
  path: string,
  options: { cookie?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers = new Headers({ origin: studioOrigin(), ...(options.headers ?? {}) });
  if (options.cookie) headers.set("cookie", options.cookie);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers.set("content-type", "application/json");
  }
  const res = await fetch(`${studioUrl()}${path}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

const cookiePairs = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

/**
 * Signs the demo operator in through the studio's own sign-in endpoint. Sign-ins are rate
 * limited per client (3 in 10 s) and the test files share one server, so a 429 is honoured
 * the way a real client would: wait X-Retry-After seconds and try again.
 */
export async function operatorCookie(): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const res = await api("POST", "/api/auth/sign-in/email", { json: OPERATOR });
    if (res.status === 200) return cookiePairs(res.headers);
    if (res.status !== 429 || attempt === 4) throw new Error(`operator sign-in failed: ${res.status} ${res.text}`);
    const retryAfter = Number(res.headers.get("x-retry-after"));
    if (!Number.isFinite(retryAfter) || retryAfter <= 0) throw new Error(`429 without a usable X-Retry-After: ${res.headers.get("x-retry-after")}`);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 250));
  }
}

/**
 * A valid session of the Fairfield owner (a tenant member, not an operator), made with the
 * auth library against the same database, as the CRM would. Sent under both cookie names,
 * since the production server uses the __Secure- prefix.
 */
export async function ownerCookie(): Promise<string> {
  testDb();
  process.env.BETTER_AUTH_SECRET = inject("authSecret");
  const { signInWithPassword } = await import("@real-estate/auth");
  const res = await signInWithPassword({ email: OWNER.email, password: OWNER.password, headers: new Headers({ host: "localhost:3001" }) });
  if (!res.ok) throw new Error(`owner sign-in failed: ${res.message}`);
  const token = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session_token="))!
    .split("=")
    .slice(1)
    .join("=");
  return `__Secure-re.session_token=${token}; re.session_token=${token}`;
}
