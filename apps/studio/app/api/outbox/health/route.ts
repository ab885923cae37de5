import { getOutboxHealth, PLATFORM_OUTBOX } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z } from "zod";
import { operatorRoute } from "@/lib/api";

/** Outbox health (messages by state, oldest queued, per tenant, the platform's own mail), platform-wide, ?tenant=<id> or ?tenant=platform. */
export const GET = operatorRoute(async (request) => {
  const tenant = new URL(request.url).searchParams.get("tenant") || undefined;
  if (tenant === PLATFORM_OUTBOX) return NextResponse.json(await getOutboxHealth({ platform: true }));
  const tenantId = z.uuid("Unknown tenant.").optional().parse(tenant);
  return NextResponse.json(await getOutboxHealth({ tenantId }));
});
