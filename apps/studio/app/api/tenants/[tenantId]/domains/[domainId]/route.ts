import { removeTenantDomain } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute } from "@/lib/api";
import { revalidateTenantSite } from "@/lib/revalidate-web";

export const DELETE = operatorRoute<{ tenantId: string; domainId: string }>(async (_request, { params, operator }) => {
  await removeTenantDomain({ tenantId: params.tenantId, domainId: params.domainId, actor: operator });
  const revalidated = await revalidateTenantSite(params.tenantId);
  return NextResponse.json({ removed: true, revalidated: revalidated.ok });
});
