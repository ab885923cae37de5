import { addTenantDomain } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";
import { revalidateTenantSite } from "@/lib/revalidate-web";

/** Adds a host name ({ hostname, kind: "WEB" | "CRM", isPrimary? }); a host used by any tenant is a 409. */
export const POST = operatorRoute<{ tenantId: string }>(async (request, { params, operator }) => {
  const domain = await addTenantDomain({ tenantId: params.tenantId, actor: operator, input: await readJson(request) });
  const revalidated = await revalidateTenantSite(params.tenantId);
  return NextResponse.json({ domain, revalidated: revalidated.ok }, { status: 201 });
});
