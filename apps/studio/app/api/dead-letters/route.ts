import { listDeadLetters } from "@real-estate/queue";
import { getAttemptTimes } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z, ZodError } from "zod";
import { operatorRoute, queryError, readQuery, zPageLimit } from "@/lib/api";
import { filterError } from "@/lib/filter-error";
import { queryFromSearchParams, toDeadLetterFilter } from "@/lib/dead-letter-query";

const ZPage = z.object({
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "That page link is not valid.")
    .optional(),
  limit: zPageLimit(1000, 50),
});

/** Dead letters matching ?tenant=&kind=&eventType=&error=&window=|since=&until=, newest first (cursor paging, ?cursor=&limit= 1-1000); a bad parameter is 400 naming it. */
export const GET = operatorRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const query = queryFromSearchParams(params);
  if (!query.success) throw queryError(new ZodError(query.error.issues));
  const { cursor, limit } = readQuery(request, ZPage, ["cursor", "limit"]);
  try {
    const page = await listDeadLetters({ filter: toDeadLetterFilter(query.data), cursor, limit });
    const times = await getAttemptTimes({ jobs: page.items.map((d) => ({ tenantId: d.tenantId, jobId: d.jobId })) });
    return NextResponse.json({ items: page.items.map((d) => ({ ...d, ...times.get(d.jobId) })), nextCursor: page.nextCursor });
  } catch (error) {
    throw queryError(filterError(error));
  }
});
