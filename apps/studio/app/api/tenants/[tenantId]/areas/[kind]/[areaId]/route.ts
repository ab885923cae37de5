import { getArea, updateAreaContent } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";
import { areaKindFromPath } from "@/lib/path-params";
import { revalidateTenantSite } from "@/lib/revalidate-web";

type Params = { tenantId: string; kind: string; areaId: string };

export const GET = operatorRoute<Params>(async (_request, { params }) => {
  const kind = areaKindFromPath(params.kind);
  return NextResponse.json({ area: await getArea({ tenantId: params.tenantId, kind, areaId: params.areaId }) });
});

/** Saves a town's or neighbourhood's name, summary and content: { name?, summary?, content }. */
export const PUT = operatorRoute<Params>(async (request, { params, operator }) => {
  const area = await updateAreaContent({
    tenantId: params.tenantId,
    kind: areaKindFromPath(params.kind),
    areaId: params.areaId,
    actor: operator,
    input: await readJson(request),
  });
  const revalidated = await revalidateTenantSite(params.tenantId);
  return NextResponse.json({ area, revalidated: revalidated.ok });
});
