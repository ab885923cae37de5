import { createVisitor, createVisitorSession } from "@real-estate/sites";
import { webEnv } from "@/lib/env";
import { isBotSubmission } from "@/lib/forms/bot-traps";
import { fieldErrors } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, serviceUnavailable, seeOther } from "@/lib/forms/responses";
import { invalidResponse } from "@/lib/forms/submit-event";
import { signUpSchema } from "@/lib/visitors/auth-schemas";
import { signInCookies, withCookies } from "@/lib/visitors/session-cookie";
import { emitVisitorEvent } from "@/lib/visitors/visitor-events";
import { requestVerificationEmail } from "@/lib/visitors/visitor-mail";

/** The sign-up form's fields, in the order a person reads them. */
const SIGN_UP_FIELDS = ["name", "email", "password", "phone"] as const;
const SENT_TOO_FAST =
  "This form was sent faster than a person can fill it in, or a hidden field was filled in (some autofill tools do). Fill it in again and send it.";

/**
 * Registers a visitor account on this tenant's site and signs it in; queues `visitor.registered`
 * and the e-mail that verifies the address (the account works before; alerts wait for it).
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "forms" });
  if (!guard.ok) return guard.response;
  const { tenant, kind, data } = guard;
  if (isBotSubmission({ data, kind, minFillMs: webEnv().WEB_FORM_MIN_FILL_MS })) {
    return kind === "form" ? seeOther("/sign-up?error=sent_too_fast") : jsonError(422, "validation_failed", { fields: { form: SENT_TOO_FAST } });
  }
  const parsed = signUpSchema(tenant.country).safeParse(data);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    // The page says which field was refused and why (the codes are the sign-up form's messages).
    const field = SIGN_UP_FIELDS.find((f) => fields[f]);
    if (kind === "form") return seeOther(`/sign-up?error=${field ? `invalid_${field}` : "invalid"}`);
    return invalidResponse(kind, fields, "/sign-up");
  }
  const input = parsed.data;
  try {
    const created = await createVisitor({
      tenantId: tenant.tenantId,
      email: input.email,
      password: input.password,
      name: input.name,
      phone: input.phone?.e164 ?? null,
      phoneExtension: input.phone?.extension ?? null,
    });
    if (!created.ok) {
      if (kind === "form") return seeOther(`/sign-up?error=email_taken`);
      return jsonError(409, "email_taken", { fields: { email: "An account with this email already exists. Sign in instead." } });
    }
    const session = await createVisitorSession({ tenantId: tenant.tenantId, visitorId: created.visitor.id });
    await requestVerificationEmail({ tenantId: tenant.tenantId, visitorId: created.visitor.id });
    await emitVisitorEvent({ tenantId: tenant.tenantId, visitor: created.visitor, body: { type: "visitor.registered" }, eventKey: "account", request });
    const response =
      kind === "form"
        ? seeOther(input.next ?? "/account")
        : Response.json({ visitor: created.visitor }, { status: 201, headers: { "cache-control": "no-store" } });
    return withCookies(response, signInCookies(session.token, session.expiresAt));
  } catch {
    return serviceUnavailable();
  }
}
