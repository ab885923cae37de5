import { syncVisitorSaves, VisitorSaveLimitError } from "@real-estate/sites";
import { fieldErrors } from "@/lib/forms/fields";
import { jsonError, serviceUnavailable } from "@/lib/forms/responses";
import { visitorWrite } from "@/lib/visitors/visitor-api";
import { ZSyncInput } from "@/lib/visitors/user-schemas";

/**
 * Merges homes and searches saved in the browser before signing in into the account (idempotent).
 * A sync that would take the account past a cap is a 409 naming it, and nothing is merged.
 */
export async function POST(request: Request): Promise<Response> {
  const r = await visitorWrite(request);
  if (!r.ok) return r.response;
  const parsed = ZSyncInput.safeParse(r.data);
  if (!parsed.success) return jsonError(422, "validation_failed", { fields: fieldErrors(parsed.error) });
  try {
    const result = await syncVisitorSaves({ tenantId: r.tenant.tenantId, visitorId: r.visitor.id, ...parsed.data });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof VisitorSaveLimitError) return jsonError(409, error.kind, { limit: error.limit, message: error.message });
    return serviceUnavailable();
  }
}
