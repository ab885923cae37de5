import { removeMarketingUnsubscribe, suppressEmailAddress } from "@real-estate/mail/suppressions";
import { getDb } from "@real-estate/db";
import { updateVisitorProfile } from "@real-estate/sites";
import { fieldErrors } from "@/lib/forms/fields";
import { jsonError, serviceUnavailable } from "@/lib/forms/responses";
import { visitorRead, visitorWrite } from "@/lib/visitors/visitor-api";
import { profileUpdateSchema } from "@/lib/visitors/user-schemas";

const noStore = { "cache-control": "no-store" };

/** The signed-in visitor's profile on this tenant's site. */
export async function GET(request: Request): Promise<Response> {
  const r = await visitorRead(request);
  if (!r.ok) return r.response;
  return Response.json({ profile: r.visitor }, { headers: noStore });
}

/** Changes name, phone and preferences. */
export async function PUT(request: Request): Promise<Response> {
  const r = await visitorWrite(request);
  if (!r.ok) return r.response;
  const parsed = profileUpdateSchema(r.tenant.country).safeParse(r.data);
  if (!parsed.success) return jsonError(422, "validation_failed", { fields: fieldErrors(parsed.error) });
  const { phone, ...rest } = parsed.data;
  const changes = { ...rest, ...(phone !== undefined ? { phone: phone?.e164 ?? null, phoneExtension: phone?.extension ?? null } : {}) };
  try {
    const profile = await updateVisitorProfile({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id, changes });
    if (!profile) return jsonError(404, "not_found");
    // Alerts consent as the preferences page keeps it: off suppresses marketing mail to the address, on lifts its own unsubscribe.
    const alerts = parsed.data.preferences?.emailAlerts;
    if (alerts === true) await removeMarketingUnsubscribe(getDb(), { tenantId: r.tenant.tenantId, address: profile.email });
    if (alerts === false)
      await suppressEmailAddress(getDb(), { tenantId: r.tenant.tenantId, address: profile.email, scope: "marketing", reason: "unsubscribe" });
    return Response.json({ profile }, { headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}
