import { readTenantLogo } from "@real-estate/sites";
import { isTenantId } from "@/lib/site/site-data";
import { routeSiteParams } from "@/lib/site/site-params";

// The tenant's logo as uploaded in the studio (Tenant.logoPath under UPLOADS_DIR), served on the
// tenant's own host at /brand-logo. Read on every request: a new upload shows at once.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ site: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const resolved = await routeSiteParams(params);
  if (!resolved) return new Response("Not found", { status: 404 });
  const { tenantId } = resolved;
  const logo = isTenantId(tenantId) ? await readTenantLogo({ tenantId }) : null;
  if (!logo) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  if (request.headers.get("if-none-match") === logo.etag) return new Response(null, { status: 304, headers: { etag: logo.etag } });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.contentType,
      etag: logo.etag,
      "cache-control": "public, max-age=60",
      "x-content-type-options": "nosniff",
    },
  });
}
