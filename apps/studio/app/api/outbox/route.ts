import { listOutboxMessages, outboxQueryInput, ZOutboxQuery } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z, ZodError } from "zod";
import { operatorRoute, queryError, readQuery, zPageLimit } from "@/lib/api";

const ZLimit = z.object({ limit: zPageLimit(200, 50) });

/**
 * Outbox messages, newest first: ?tenant=<id>|platform&status=QUEUED|SENT|FAILED|SUPPRESSED&cursor=&limit=
 * (everything without tenant; `platform`: the platform's own mail, tenantId null). A bad parameter is 400 naming it;
 * `limit` is read as the other list APIs read it: digits only, 1 to 200 (default 50).
 */
export const GET = operatorRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const { limit } = readQuery(request, ZLimit, ["limit"]);
  const query = ZOutboxQuery.safeParse({
    ...outboxQueryInput({ tenant: params.get("tenant"), status: params.get("status"), cursor: params.get("cursor") }),
    limit,
  });
  // The URL's `tenant` carries both tenantId and platform: name it as the URL does.
  if (!query.success) {
    const issues = query.error.issues.map((i) => (i.path[0] === "tenantId" || i.path[0] === "platform" ? { ...i, path: ["tenant"] } : i));
    throw queryError(new ZodError(issues));
  }
  // Its own checks (an unreadable cursor, a tenant and the platform at once) are query problems too: 400.
  return NextResponse.json(await listOutboxMessages(query.data).catch((error: unknown) => Promise.reject(queryError(error))));
});
