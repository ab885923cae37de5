import { createVisitor, createVisitorSession } from "@real-estate/db/visitors";
import { webEnv } from "@/lib/env";
import { isBotSubmission } from "@/lib/forms/bot-traps";
import { fieldErrors } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, serviceUnavailable, seeOther } from "@/lib/forms/responses";
import { invalidResponse } from "@/lib/forms/submit-event";
import { ZSignUp } from "@/lib/visitors/auth-schemas";
import { signInCookies, withCookies } from "@/lib/visitors/session-cookie";
import { emitVisitorEvent } from "@/lib/visitors/visitor-events";

/** Registers a visitor account on this tenant's site and signs it in; queues `visitor.registered`. */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "forms" });
  if (!guard.ok) return guard.response;
  const { tenant, kind, data } = guard;
  if (isBotSubmission({ data, kind, minFillMs: webEnv().WEB_FORM_MIN_FILL_MS })) {
    return kind === "form" ? seeOther("/sign-up?error=try_again") : jsonError(422, "validation_failed", { fields: { form: "Please try again." } });
  }
  const parsed = ZSignUp.safeParse(data);
  if (!parsed.success) {
    if (kind === "form") return seeOther(`/sign-up?error=invalid`);
    return invalidResponse(kind, fieldErrors(parsed.error), "/sign-up");
  }
  const input = parsed.data;
  try {
    const created = await createVisitor({ tenantId: tenant.tenantId, email: input.email, password: input.password, name: input.name, phone: input.phone });
    if (!created.ok) {
      if (kind === "form") return seeOther(`/sign-up?error=email_taken`);
      return jsonError(409, "email_taken", { fields: { email: "An account with this email already exists. Sign in instead." } });
    }
    const session = await createVisitorSession({ tenantId: tenant.tenantId, visitorId: created.visitor.id });
    await emitVisitorEvent({ tenantId: tenant.tenantId, visitor: created.visitor, body: { type: "visitor.registered" }, eventKey: "account", request });
    const response = kind === "form"
      ? seeOther(input.next ?? "/account")
      : Response.json({ visitor: created.visitor }, { status: 201, headers: { "cache-control": "no-store" } });
    return withCookies(response, signInCookies(session.token, session.expiresAt));
  } catch {
    return serviceUnavailable();
  }
}
