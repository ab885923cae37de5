import { updateVisitorProfile } from "@real-estate/db/visitors";
import { fieldErrors } from "@/lib/forms/fields";
import { jsonError, serviceUnavailable } from "@/lib/forms/responses";
import { visitorRead, visitorWrite } from "@/lib/visitors/visitor-api";
import { ZProfileUpdate } from "@/lib/visitors/user-schemas";

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
  const parsed = ZProfileUpdate.safeParse(r.data);
  if (!parsed.success) return jsonError(422, "validation_failed", { fields: fieldErrors(parsed.error) });
  try {
    const profile = await updateVisitorProfile({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id, changes: parsed.data });
    if (!profile) return jsonError(404, "not_found");
    return Response.json({ profile }, { headers: noStore });
  } catch {
    return serviceUnavailable();
  }
}
