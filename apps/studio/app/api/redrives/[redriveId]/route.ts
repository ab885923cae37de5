import { getRedrive } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { operatorRoute } from "@/lib/api";

/** One re-drive: its audit row, where its jobs are now (succeeded, failed again, …) and the jobs. */
export const GET = operatorRoute<{ redriveId: string }>(async (_request, { params }) => {
  return NextResponse.json({ redrive: await getRedrive({ redriveId: params.redriveId }) });
});
