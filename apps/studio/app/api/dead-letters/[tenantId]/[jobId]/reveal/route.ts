import { revealJobPayload } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z } from "zod";
import { operatorRoute, readJson } from "@/lib/api";

const ZReveal = z.object({ reason: z.string().trim().max(500).optional() }).strict();

/** The unmasked payload; every call is written to the audit log first. */
export const POST = operatorRoute<{ tenantId: string; jobId: string }>(async (request, { params, operator }) => {
  const { reason } = ZReveal.parse(await readJson(request));
  const payload = await revealJobPayload({ tenantId: params.tenantId, jobId: params.jobId, actor: operator, reason });
  return NextResponse.json({ payload }, { headers: { "cache-control": "no-store" } });
});
