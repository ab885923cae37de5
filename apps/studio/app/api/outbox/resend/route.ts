import { resendFailedEmails } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z } from "zod";
import { operatorRoute, readJson } from "@/lib/api";

const ZResend = z.union([
  z.object({ tenantId: z.uuid().optional(), emailIds: z.array(z.uuid()).min(1).max(1_000) }).strict(),
  z.object({ tenantId: z.uuid().optional(), allFailed: z.literal(true) }).strict(),
]);

/** Re-sends failed messages (by id, or every failed one of a tenant or of the platform) by re-driving their delivery jobs. Audited. */
export const POST = operatorRoute(async (request, { operator }) => {
  const selection = ZResend.parse(await readJson(request, 128 * 1024));
  const result = await resendFailedEmails({ selection, actor: operator });
  return NextResponse.json(result);
});
