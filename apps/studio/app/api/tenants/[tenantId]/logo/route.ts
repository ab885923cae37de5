import { MAX_LOGO_BYTES, readTenantLogo, removeTenantLogo, saveTenantLogo, StudioNotFoundError, StudioValidationError } from "@real-estate/db/studio";
import { NextResponse } from "next/server";
import { BadRequest, operatorRoute } from "@/lib/api";
import { revalidateTenantSite } from "@/lib/revalidate-web";

type Params = { tenantId: string };

/** The tenant's logo, for the studio's own pages. */
export const GET = operatorRoute<Params>(async (_request, { params }) => {
  const logo = await readTenantLogo({ tenantId: params.tenantId });
  if (!logo) throw new StudioNotFoundError("Logo");
  return new Response(new Uint8Array(logo.bytes), { headers: { "content-type": logo.contentType, "cache-control": "private, max-age=60", etag: logo.etag } });
});

/** Uploads a logo: multipart form with a `logo` file, or the raw image bytes as the body. */
export const PUT = operatorRoute<Params>(async (request, { params, operator }) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_LOGO_BYTES + 64 * 1024) throw new BadRequest(413, "too_large", "The logo must be at most 1 MiB");
  let bytes: Uint8Array;
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => {
      throw new BadRequest(400, "malformed_body", "The upload could not be read");
    });
    const file = form.get("logo");
    if (!(file instanceof File)) throw new StudioValidationError({ logo: ["choose an image file"] });
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    bytes = new Uint8Array(await request.arrayBuffer());
  }
  const tenant = await saveTenantLogo({ tenantId: params.tenantId, actor: operator, bytes });
  const revalidated = await revalidateTenantSite(tenant.id);
  return NextResponse.json({ tenant, revalidated: revalidated.ok });
});

export const DELETE = operatorRoute<Params>(async (_request, { params, operator }) => {
  const tenant = await removeTenantLogo({ tenantId: params.tenantId, actor: operator });
  const revalidated = await revalidateTenantSite(tenant.id);
  return NextResponse.json({ tenant, revalidated: revalidated.ok });
});
