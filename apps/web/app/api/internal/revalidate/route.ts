import crypto from "node:crypto";
import { revalidatePath, revalidateTag } from "next/cache";
import { z } from "zod";
import { invalidateTenantCache, resolveTenantSlugById } from "@real-estate/sites";
import { webEnv } from "@/lib/env";
import { jsonError } from "@/lib/forms/responses";
import { tenantTag } from "@/lib/site/site-data";

const ZRevalidate = z.object({ tenantId: z.uuid("tenantId must be a tenant id") }).strict();

function tokenMatches(given: string | null): boolean {
  const expected = Buffer.from(webEnv().INTERNAL_API_TOKEN);
  const actual = Buffer.from(given ?? "");
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/**
 * Drops one tenant's cached pages, data and host lookups at once (the studio calls this after a
 * configuration change). Authorised by `x-internal-token: $INTERNAL_API_TOKEN`.
 */
export async function POST(request: Request): Promise<Response> {
  if (!tokenMatches(request.headers.get("x-internal-token"))) return jsonError(401, "unauthorized");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, "invalid_body");
  }
  const parsed = ZRevalidate.safeParse(body);
  if (!parsed.success) return jsonError(422, "validation_failed", { fields: { tenantId: parsed.error.issues[0]?.message ?? "invalid" } });
  const { tenantId } = parsed.data;
  // The slug before the change: pages live under it (the studio may have just renamed the tenant).
  const slug = await resolveTenantSlugById({ tenantId });
  invalidateTenantCache({ tenantId });
  revalidateTag(tenantTag(tenantId), { expire: 0 });
  if (slug) revalidatePath(`/sites/${encodeURIComponent(slug)}`, "layout");
  return Response.json({ revalidated: true, tenantId }, { headers: { "cache-control": "no-store" } });
}
