import { getAuth, OPERATOR_ROLE } from "@real-estate/auth";
import { getPlatformRoleByEmail } from "@real-estate/db/studio";
import { NextResponse } from "next/server";
import { z } from "zod";

// better-auth's handler, narrowed to what the studio needs: operator sign-in, session, sign-out.
// Sign-up and every other endpoint answer 404 here: operators are created by the platform seed.
const ZSignIn = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) }).passthrough();

const invalid = () => NextResponse.json({ code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }, { status: 401 });
const missing = () => NextResponse.json({ error: "not_found" }, { status: 404 });

function endpoint(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/api\/auth\/?/, "");
}

export async function GET(request: Request) {
  if (endpoint(request) !== "get-session") return missing();
  return getAuth().handler(request);
}

export async function POST(request: Request) {
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
  // Only operator accounts may get a studio session; everyone else gets the same answer as a wrong password.
  if ((await getPlatformRoleByEmail({ email: parsed.data.email })) !== OPERATOR_ROLE) return invalid();
  return getAuth().handler(new Request(request.url, { method: "POST", headers: request.headers, body: text }));
}
