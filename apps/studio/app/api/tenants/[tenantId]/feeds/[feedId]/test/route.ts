import { testTenantFeed } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute } from "@/lib/api";

/** Signs in to the feed with its stored credentials and reads a few listing keys (audited: "feed.test"). */
export const POST = operatorRoute<{ tenantId: string; feedId: string }>(async (_request, { params, operator }) => {
  return NextResponse.json(await testTenantFeed({ tenantId: params.tenantId, feedId: params.feedId, actor: operator }));
});
