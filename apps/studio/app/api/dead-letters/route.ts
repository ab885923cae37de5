import { listDeadLetters } from "@real-estate/queue";
import { getAttemptTimes } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { operatorRoute } from "@/lib/api";
import { filterError } from "@/lib/filter-error";
import { queryFromSearchParams, toDeadLetterFilter } from "@/lib/dead-letter-query";

/** Dead letters matching ?tenant=&kind=&eventType=&error=&window=|since=&until=, newest first (cursor paging). */
export const GET = operatorRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const query = queryFromSearchParams(params);
  if (!query.success) throw new ZodError(query.error.issues);
  try {
    const page = await listDeadLetters({ filter: toDeadLetterFilter(query.data), cursor: params.get("cursor"), limit: Number(params.get("limit")) || 50 });
    const times = await getAttemptTimes({ jobs: page.items.map((d) => ({ tenantId: d.tenantId, jobId: d.jobId })) });
    return NextResponse.json({ items: page.items.map((d) => ({ ...d, ...times.get(d.jobId) })), nextCursor: page.nextCursor });
  } catch (error) {
    throw filterError(error);
  }
});
