import { setPrimaryDomain } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute } from "@/lib/api";
import { revalidateTenantSite } from "@/lib/revalidate-web";

export const POST = operatorRoute<{ tenantId: string; domainId: string }>(async (_request, { params, operator }) => {
  const domain = await setPrimaryDomain({ tenantId: params.tenantId, domainId: params.domainId, actor: operator });
  const revalidated = await revalidateTenantSite(params.tenantId);
  return NextResponse.json({ domain, revalidated: revalidated.ok });
});
