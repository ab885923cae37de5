import { listOutboxMessages, ZOutboxQuery } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute } from "@/lib/api";

/** Outbox messages, newest first: ?tenant=<id>&status=QUEUED|SENT|FAILED|SUPPRESSED&cursor=&limit= (platform-wide without tenant). */
export const GET = operatorRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const query = ZOutboxQuery.parse({
    tenantId: params.get("tenant") || undefined,
    status: params.get("status") || undefined,
    cursor: params.get("cursor") || undefined,
    limit: params.get("limit") || undefined,
  });
  return NextResponse.json(await listOutboxMessages(query));
});
