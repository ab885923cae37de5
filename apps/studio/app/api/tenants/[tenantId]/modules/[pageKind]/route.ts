import { getStudioTenant, listModuleEditor, savePageModules, setModuleEnabled } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";
import { pageKindFromPath } from "@/lib/path-params";
import { revalidateTenantSite } from "@/lib/revalidate-web";

type Params = { tenantId: string; pageKind: string };

export const GET = operatorRoute<Params>(async (_request, { params }) => {
  const pageKind = pageKindFromPath(params.pageKind);
  await getStudioTenant({ tenantId: params.tenantId });
  return NextResponse.json({ modules: await listModuleEditor({ tenantId: params.tenantId, pageKind }) });
});

/** Saves the whole module list of a page kind (`town` or `neighborhood` in the path): { modules: [{ moduleKey, enabled, settings }] } in display order. */
export const PUT = operatorRoute<Params>(async (request, { params, operator }) => {
  const modules = await savePageModules({
    tenantId: params.tenantId,
    pageKind: pageKindFromPath(params.pageKind),
    actor: operator,
    input: await readJson(request),
  });
  const revalidated = await revalidateTenantSite(params.tenantId);
  return NextResponse.json({ modules, revalidated: revalidated.ok });
});

/** Switches one module: { moduleKey, enabled }. */
export const PATCH = operatorRoute<Params>(async (request, { params, operator }) => {
  const modules = await setModuleEnabled({
    tenantId: params.tenantId,
    pageKind: pageKindFromPath(params.pageKind),
    actor: operator,
    input: await readJson(request),
  });
  const revalidated = await revalidateTenantSite(params.tenantId);
  return NextResponse.json({ modules, revalidated: revalidated.ok });
});
