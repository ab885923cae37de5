import { setTenantStatus } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";
import { revalidateTenantSite } from "@/lib/revalidate-web";

/** Suspends ({ status: "SUSPENDED" }) or reactivates ({ status: "ACTIVE" }) a tenant. */
export const POST = operatorRoute<{ tenantId: string }>(async (request, { params, operator }) => {
  const tenant = await setTenantStatus({ tenantId: params.tenantId, actor: operator, input: await readJson(request) });
  const revalidated = await revalidateTenantSite(tenant.id);
  return NextResponse.json({ tenant, revalidated: revalidated.ok });
});
