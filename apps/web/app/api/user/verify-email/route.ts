import { getDb } from "@real-estate/db";
import { jsonError, seeOther, serviceUnavailable } from "@/lib/forms/responses";
import { visitorWrite } from "@/lib/visitors/visitor-api";
import { requestVerificationEmail } from "@/lib/visitors/visitor-mail";

/** Sends the signed-in visitor a new verification link (at most one a minute); 202, or back to the account page for a form. */
export async function POST(request: Request): Promise<Response> {
  const r = await visitorWrite(request, { signInPath: "/sign-in?next=%2Faccount" });
  if (!r.ok) return r.response;
  try {
    const v = await getDb().visitor.findUnique({
      where: { tenantId_id: { tenantId: r.tenant.tenantId, id: r.visitor.id } },
      select: { emailVerifiedAt: true },
    });
    if (!v) return jsonError(404, "not_found");
    if (!v.emailVerifiedAt) await requestVerificationEmail({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id });
    if (r.kind === "form") return seeOther("/account?verification=sent");
    return Response.json(
      { status: v.emailVerifiedAt ? "verified" : "queued" },
      { status: v.emailVerifiedAt ? 200 : 202, headers: { "cache-control": "no-store" } },
    );
  } catch {
    return serviceUnavailable();
  }
}
