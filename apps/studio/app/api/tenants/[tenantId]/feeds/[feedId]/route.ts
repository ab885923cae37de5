import { editTenantFeed } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";

/** Changes a feed's settings; an empty secret keeps the stored one. */
export const PUT = operatorRoute<{ tenantId: string; feedId: string }>(async (request, { params, operator }) => {
  const feed = await editTenantFeed({ tenantId: params.tenantId, feedId: params.feedId, actor: operator, input: await readJson(request) });
  return NextResponse.json({ feed });
});
