import { getOutboxHealth } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z } from "zod";
import { operatorRoute } from "@/lib/api";

/** Outbox health (messages by state, oldest queued, per tenant), platform-wide or ?tenant=<id>. */
export const GET = operatorRoute(async (request) => {
  const tenantId = z
    .uuid("Unknown tenant.")
    .optional()
    .parse(new URL(request.url).searchParams.get("tenant") || undefined);
  return NextResponse.json(await getOutboxHealth({ tenantId }));
});
