import { listOutboxMessages, outboxQueryInput, ZOutboxQuery } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute } from "@/lib/api";

/**
 * Outbox messages, newest first: ?tenant=<id>|platform&status=QUEUED|SENT|FAILED|SUPPRESSED&cursor=&limit=
 * (everything without tenant; `platform`: the platform's own mail, tenantId null).
 */
export const GET = operatorRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const query = ZOutboxQuery.parse(
    outboxQueryInput({ tenant: params.get("tenant"), status: params.get("status"), cursor: params.get("cursor"), limit: params.get("limit") }),
  );
  return NextResponse.json(await listOutboxMessages(query));
});
