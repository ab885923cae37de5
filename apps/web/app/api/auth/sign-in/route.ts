import { authenticateVisitor, createVisitorSession } from "@real-estate/db/visitors";
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
    const visitor = await authenticateVisitor({ tenantId: tenant.tenantId, email: input.email, password: input.password });
    if (!visitor) return kind === "form" ? back("invalid_credentials", input.next) : jsonError(401, "invalid_credentials");
    const session = await createVisitorSession({ tenantId: tenant.tenantId, visitorId: visitor.id });
    const response = kind === "form" ? seeOther(input.next ?? "/account") : Response.json({ visitor }, { headers: { "cache-control": "no-store" } });
    return withCookies(response, signInCookies(session.token, session.expiresAt));
  } catch {
    return serviceUnavailable();
  }
}
