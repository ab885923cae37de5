import { getIngestionJob } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute } from "@/lib/api";

/** One queue job with its payload masked. */
export const GET = operatorRoute<{ tenantId: string; jobId: string }>(async (_request, { params }) => {
  return NextResponse.json({ job: await getIngestionJob({ tenantId: params.tenantId, jobId: params.jobId }) });
});
