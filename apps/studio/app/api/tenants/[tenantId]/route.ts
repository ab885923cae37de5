import { getStudioTenant, updateTenant } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";
import { revalidateTenantSite } from "@/lib/revalidate-web";

type Params = { tenantId: string };

export const GET = operatorRoute<Params>(async (_request, { params }) => {
  return NextResponse.json({ tenant: await getStudioTenant({ tenantId: params.tenantId }) });
});

/** Edits slug, name, colours or tagline. */
export const PATCH = operatorRoute<Params>(async (request, { params, operator }) => {
  const tenant = await updateTenant({ tenantId: params.tenantId, actor: operator, input: await readJson(request) });
  const revalidated = await revalidateTenantSite(tenant.id);
  return NextResponse.json({ tenant, revalidated: revalidated.ok });
});
