import { removeTenantLogo, saveTenantLogo, StudioNotFoundError, StudioValidationError } from "@real-estate/operator";
import { MAX_LOGO_BYTES, readTenantLogo } from "@real-estate/sites";
import { NextResponse } from "next/server";
import { MalformedRequestError, readBytes } from "@real-estate/http";
import { operatorRoute } from "@/lib/api";
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
  // The logo plus room for a multipart envelope; 413 beyond, however the body is sent.
  const body = await readBytes(request, MAX_LOGO_BYTES + 64 * 1024);
  let bytes: Uint8Array;
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(body, { headers: { "content-type": type } }).formData().catch(() => {
      throw new MalformedRequestError("malformed_body", "The upload could not be read");
    });
    const file = form.get("logo");
    if (!(file instanceof File)) throw new StudioValidationError({ logo: ["choose an image file"] });
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    bytes = body;
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
