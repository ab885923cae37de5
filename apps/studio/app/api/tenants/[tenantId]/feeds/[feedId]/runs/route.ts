import { requestTenantFeedRun } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";

/** { kind: "incremental" } is "sync now", { kind: "full" } a full reload and reconcile: 202, the worker runs it next. */
export const POST = operatorRoute<{ tenantId: string; feedId: string }>(async (request, { params, operator }) => {
  const run = await requestTenantFeedRun({ tenantId: params.tenantId, feedId: params.feedId, actor: operator, input: await readJson(request) });
  return NextResponse.json({ requested: run.kind }, { status: 202 });
});
