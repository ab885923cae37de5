import { z } from "zod";
import { fieldErrors } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, seeOther, serviceUnavailable } from "@/lib/forms/responses";
import { requestPasswordResetEmail } from "@/lib/visitors/visitor-mail";

const ZRequest = z.object({ email: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.email("Please enter a valid email address").max(254)) });

/**
 * "Forgot password": queues the reset job for the address, whether or not this tenant has an
 * account with it (the worker looks it up and e-mails only an account's address). The answer and
 * the work are the same either way (202, or the page saying a link is on its way), so neither the
 * form's answer nor its timing tells who has an account (decision 0097).
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "forms" });
  if (!guard.ok) return guard.response;
  const parsed = ZRequest.safeParse(guard.data);
  if (!parsed.success) {
    if (guard.kind === "form") return seeOther("/forgot-password?error=invalid");
    return jsonError(422, "validation_failed", { fields: fieldErrors(parsed.error) });
  }
  try {
    await requestPasswordResetEmail({ tenantId: guard.tenant.tenantId, email: parsed.data.email });
    if (guard.kind === "form") return seeOther("/forgot-password?sent=1");
    return Response.json({ status: "queued" }, { status: 202, headers: { "cache-control": "no-store" } });
  } catch {
    return serviceUnavailable();
  }
}
