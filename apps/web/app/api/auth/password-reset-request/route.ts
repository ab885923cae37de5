import { z } from "zod";
import { findVisitorIdByEmail } from "@real-estate/sites";
import { fieldErrors } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, seeOther, serviceUnavailable } from "@/lib/forms/responses";
import { requestPasswordResetEmail } from "@/lib/visitors/visitor-mail";

const ZRequest = z.object({ email: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.email("Please enter a valid email address").max(254)) });

/**
 * "Forgot password": queues a reset e-mail when this tenant has an account with the address. The
 * answer is the same whether or not it has (202, or the page saying a link is on its way), so the
 * form does not tell who has an account.
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
    const visitorId = await findVisitorIdByEmail({ tenantId: guard.tenant.tenantId, email: parsed.data.email });
    if (visitorId) await requestPasswordResetEmail({ tenantId: guard.tenant.tenantId, visitorId });
    if (guard.kind === "form") return seeOther("/forgot-password?sent=1");
    return Response.json({ status: "queued" }, { status: 202, headers: { "cache-control": "no-store" } });
  } catch {
    return serviceUnavailable();
  }
}
