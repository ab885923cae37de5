import { createTenant } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute, readJson } from "@/lib/api";

/** Creates a tenant (slug, name, colours, tagline). */
export const POST = operatorRoute(async (request, { operator }) => {
  const tenant = await createTenant({ actor: operator, input: await readJson(request) });
  return NextResponse.json({ tenant }, { status: 201 });
});
