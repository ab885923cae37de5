import { authProviderName, getAuth } from "@real-estate/auth";
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-in, sign-up, sign-out, get-session, ...). With
// AUTH_PROVIDER=clerk, Clerk signs people in: our password endpoints are not there (as in the studio).
const handler = (request: Request) =>
  authProviderName() === "clerk" ? NextResponse.json({ error: "not_found" }, { status: 404 }) : getAuth().handler(request);
export { handler as GET, handler as POST };
