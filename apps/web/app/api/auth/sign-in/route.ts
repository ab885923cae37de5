import { checkSignInThrottle, recordSignInFailure, recordSignInSuccess, visitorSignInKeys } from "@real-estate/auth/sign-in-throttle";
import { authenticateVisitor, createVisitorSession } from "@real-estate/sites";
import { fieldErrors } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, serviceUnavailable, seeOther } from "@/lib/forms/responses";
import { invalidResponse } from "@/lib/forms/submit-event";
import { ZSignIn } from "@/lib/visitors/auth-schemas";
import { signInCookies, withCookies } from "@/lib/visitors/session-cookie";

function back(error: string, next: string | undefined) {
  return seeOther(`/sign-in?error=${error}${next ? `&next=${encodeURIComponent(next)}` : ""}`);
}

/** Signs a visitor of this tenant in (the same email on another tenant's site is another account). */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "forms" });
  if (!guard.ok) return guard.response;
  const { tenant, kind, data } = guard;
  const parsed = ZSignIn.safeParse(data);
  if (!parsed.success) return kind === "form" ? back("invalid", undefined) : invalidResponse(kind, fieldErrors(parsed.error), "/sign-in");
  const input = parsed.data;
  try {
    // Per account (this site's account for the email, known or not): failures past the free
    // ones lock it for growing periods, shared by every instance (see @real-estate/auth).
    const keys = visitorSignInKeys({ tenantId: tenant.tenantId, email: input.email });
    const throttle = await checkSignInThrottle({ keys });
    if (!throttle.ok) {
      const retryAfter = { "retry-after": String(throttle.retryAfterSeconds) };
      return kind === "form"
        ? back("too_many_attempts", input.next)
        : jsonError(429, "too_many_attempts", { retryAfterSeconds: throttle.retryAfterSeconds }, retryAfter);
    }
    const visitor = await authenticateVisitor({ tenantId: tenant.tenantId, email: input.email, password: input.password });
    if (!visitor) {
      await recordSignInFailure({ keys });
      return kind === "form" ? back("invalid_credentials", input.next) : jsonError(401, "invalid_credentials");
    }
    await recordSignInSuccess({ keys });
    const session = await createVisitorSession({ tenantId: tenant.tenantId, visitorId: visitor.id });
    const response = kind === "form" ? seeOther(input.next ?? "/account") : Response.json({ visitor }, { headers: { "cache-control": "no-store" } });
    return withCookies(response, signInCookies(session.token, session.expiresAt));
  } catch {
    return serviceUnavailable();
  }
}
