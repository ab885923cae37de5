import { addTenantFeed } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";

/** Adds an MLS feed (RESO Web API settings and credentials); the secret is never sent back. */
export const POST = operatorRoute<{ tenantId: string }>(async (request, { params, operator }) => {
  const feed = await addTenantFeed({ tenantId: params.tenantId, actor: operator, input: await readJson(request) });
  return NextResponse.json({ feed }, { status: 201 });
});
