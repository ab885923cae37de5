import { countDeadLettersByError } from "@real-estate/queue";
import { countMatchingDeadLetters } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { operatorRoute, queryError } from "@/lib/api";
import { queryFromSearchParams, toDeadLetterFilter } from "@/lib/dead-letter-query";
import { filterError } from "@/lib/filter-error";

/** How many dead letters the filter matches (shown before a re-drive), and their errors grouped. */
export const GET = operatorRoute(async (request) => {
  const query = queryFromSearchParams(new URL(request.url).searchParams);
  if (!query.success) throw queryError(new ZodError(query.error.issues));
  const filter = toDeadLetterFilter(query.data);
  try {
    const [count, byError] = await Promise.all([countMatchingDeadLetters({ filter }), countDeadLettersByError({ filter, limit: 20 })]);
    return NextResponse.json({ count, byError });
  } catch (error) {
    throw queryError(filterError(error));
  }
});
