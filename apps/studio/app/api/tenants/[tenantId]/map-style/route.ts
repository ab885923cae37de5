import { getMapStyleSetting, setMapStyle } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";
import { revalidateTenantSite } from "@/lib/revalidate-web";

type Params = { tenantId: string };

export const GET = operatorRoute<Params>(async (_request, { params }) => {
  return NextResponse.json({ mapStyleUrl: await getMapStyleSetting({ tenantId: params.tenantId }) });
});

/** Sets the website's map style: { mapStyleUrl: "https://…/style.json" }, or "" for the platform default. */
export const PUT = operatorRoute<Params>(async (request, { params, operator }) => {
  const saved = await setMapStyle({ tenantId: params.tenantId, actor: operator, input: await readJson(request) });
  const revalidated = await revalidateTenantSite(params.tenantId);
  return NextResponse.json({ ...saved, revalidated: revalidated.ok });
});
