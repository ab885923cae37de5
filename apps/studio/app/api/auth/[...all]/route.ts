import { authProviderName, getAuth, OPERATOR_ROLE, refuseSignIn } from "@real-estate/auth";
import { getPlatformRoleByEmail } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z } from "zod";

// better-auth's handler, narrowed to what the studio needs: operator sign-in, session, sign-out.
// Sign-up and every other endpoint answer 404 here: operators are created by the platform seed.
const ZSignIn = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) }).passthrough();

// Byte for byte better-auth's own answer to a wrong password (`{ message, code }`, in that order).
const invalid = () => NextResponse.json({ message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" }, { status: 401 });
const tooMany = (seconds: number) =>
  NextResponse.json(
    { code: "TOO_MANY_SIGN_IN_ATTEMPTS", message: `Too many sign-in attempts; try again in ${seconds} seconds.` },
    { status: 429, headers: { "retry-after": String(seconds), "x-retry-after": String(seconds) } },
  );
const missing = () => NextResponse.json({ error: "not_found" }, { status: 404 });

function endpoint(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/api\/auth\/?/, "");
}

// With AUTH_PROVIDER=clerk, Clerk signs people in: our password endpoints are not there.
export async function GET(request: Request) {
  if (authProviderName() === "clerk") return missing();
  if (endpoint(request) !== "get-session") return missing();
  return getAuth().handler(request);
}

export async function POST(request: Request) {
  if (authProviderName() === "clerk") return missing();
  const path = endpoint(request);
  if (path === "sign-out") return getAuth().handler(request);
  if (path !== "sign-in/email") return missing();
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return NextResponse.json({ error: "malformed_json" }, { status: 400 });
  }
  const parsed = ZSignIn.safeParse(body);
  if (!parsed.success) return NextResponse.json({ error: "validation_failed", fields: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  // Only operator accounts may get a studio session; everyone else gets the same answer as a
  // wrong password, after the same limits and the same hashing work (refuseSignIn).
  if ((await getPlatformRoleByEmail({ email: parsed.data.email })) !== OPERATOR_ROLE) {
    const refusal = await refuseSignIn({ email: parsed.data.email, password: parsed.data.password, headers: request.headers });
    return refusal.status === 429 ? tooMany(refusal.retryAfterSeconds) : invalid();
  }
  return getAuth().handler(new Request(request.url, { method: "POST", headers: request.headers, body: text }));
}
