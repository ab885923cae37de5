import { RedriveConflictError, resolveDeadLetterFilter } from "@real-estate/queue";
import { getDb } from "@real-estate/db";
import { listRedrives, runStudioRedrive, type StudioRedriveSelection } from "@real-estate/operator";
import { NextResponse } from "next/server";
import { z } from "zod";
import { operatorRoute, readJson, readQuery, zPageLimit } from "@/lib/api";
import { toDeadLetterFilter, ZDeadLetterQuery } from "@/lib/dead-letter-query";
import { filterError } from "@/lib/filter-error";

const ZRedriveRequest = z
  .object({
    selection: z.union([
      z
        .object({
          ids: z
            .array(z.string().regex(/^\d{1,18}$/, "job ids are positive integers"))
            .min(1)
            .max(10_000),
        })
        .strict(),
      z.object({ all: z.literal(true), filter: ZDeadLetterQuery.strict().prefault({}) }).strict(),
    ]),
  })
  .strict();

/** ?before= is the previous page's `nextCursor` (a re-drive id); ?limit= 1-100 (30). */
const ZRedriveListQuery = z.object({
  before: z.uuid("That page link is not valid.").optional(),
  limit: zPageLimit(100, 30),
});

export const GET = operatorRoute(async (request) => {
  const { before, limit } = readQuery(request, ZRedriveListQuery, ["before", "limit"]);
  return NextResponse.json(await listRedrives({ before, limit }));
});

/**
 * Re-drives dead letters: { selection: { ids } } or { selection: { all: true, filter } }.
 * Answers a stream of JSON lines: {"type":"progress","requeued","total"} per batch, then
 * {"type":"done", ...result} or {"type":"error","status","message"}.
 */
export const POST = operatorRoute(async (request, { operator }) => {
  const body = ZRedriveRequest.parse(await readJson(request));
  const selection: StudioRedriveSelection =
    "ids" in body.selection ? { ids: body.selection.ids } : { all: true, filter: toDeadLetterFilter(body.selection.filter) };
  // Bad filters (an unknown tenant) are refused before anything starts.
  if ("all" in selection) await resolveDeadLetterFilter(getDb(), selection.filter).catch((error: unknown) => Promise.reject(filterError(error)));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // The browser went away; the re-drive carries on and stays audited.
        }
      };
      try {
        const result = await runStudioRedrive({ selection, actor: operator, onProgress: (p) => send({ type: "progress", ...p }) });
        send({ type: "done", ...result });
      } catch (error) {
        const conflict = error instanceof RedriveConflictError;
        if (!conflict) console.error("[studio] re-drive failed", error);
        send({
          type: "error",
          status: conflict ? 409 : 500,
          message: conflict ? error.message : "The re-drive failed; see the re-drive history for what was done.",
        });
      } finally {
        try {
          controller.close();
        } catch {
          // already closed
        }
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
