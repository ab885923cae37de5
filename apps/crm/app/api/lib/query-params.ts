// Query-string parsing and keyset pagination for the CRM's list routes and list pages: one
// module, so the REST API and the screens accept exactly the same filters. Unknown parameters
// are rejected, repeated single-valued ones too; list-valued ones take `a,b` or `x=a&x=b`.
import { z } from "zod";
import type { FieldErrors } from "@real-estate/http";
import { ACTIVITY_TYPES, DEFAULT_TIME_ZONE, isLocalDate, LEAD_SOURCES, LEAD_STATUSES, startOfLocalDay } from "@real-estate/types";

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;
export const LEAD_SORTS = ["-createdAt", "createdAt", "-lastActivityAt", "lastActivityAt"] as const;
export type LeadSortParam = (typeof LEAD_SORTS)[number];

export type Keyset = { value: Date; id: string };
/** A position in a list frozen when paging began (see listLeads). */
export type SnapshotPosition = { snapshotId: string; offset: number };
export type ListCursor = Keyset | SnapshotPosition;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: { error: "validation_failed"; fields: FieldErrors } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// ── cursors ──────────────────────────────────────────────────────────────────────────────
/**
 * Opaque cursor: base64url of {s: sort, v: ISO time, id} (a keyset) or {s: sort, snap: id, o:
 * offset} (a position in a frozen list). The sort is inside so a cursor cannot be replayed under
 * another order.
 */
export function encodeCursor(cursor: ListCursor, sort: string): string {
  const payload = "snapshotId" in cursor ? { s: sort, snap: cursor.snapshotId, o: cursor.offset } : { s: sort, v: cursor.value.toISOString(), id: cursor.id };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

const ZCursorPayload = z.union([
  z.object({ s: z.string(), v: z.iso.datetime(), id: z.string().regex(UUID) }).strict(),
  z.object({ s: z.string(), snap: z.string().regex(UUID), o: z.number().int().min(1).max(10_000_000) }).strict(),
]);

export function decodeCursor(cursor: string, sort: string): ListCursor | null {
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = ZCursorPayload.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.s !== sort) return null;
    const data = parsed.data;
    return "snap" in data ? { snapshotId: data.snap, offset: data.o } : { value: new Date(data.v), id: data.id };
  } catch {
    return null;
  }
}

// ── field parsers ────────────────────────────────────────────────────────────────────────
const ZLimit = z
  .string()
  .regex(/^\d+$/, "a whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "at least 1").max(MAX_LIMIT, `at most ${MAX_LIMIT}`));

/** A calendar date in the tenant's zone, resolved to instants once the zone is known. */
type LocalDay = { localDate: string };

const ZInstant = z.iso.datetime({ offset: true });

/** A date (YYYY-MM-DD: a day in the tenant's time zone) or an ISO date-time with offset (an instant). */
function dateParam() {
  return z.string().transform((raw, ctx): Date | LocalDay => {
    if (isLocalDate(raw)) return { localDate: raw };
    if (!DATE_ONLY.test(raw) && ZInstant.safeParse(raw).success) return new Date(raw);
    ctx.addIssue({ code: "custom", message: "a date (YYYY-MM-DD) or an ISO 8601 date-time" });
    return z.NEVER;
  });
}

/** An instant, or the start of a day in the zone (`endOfDay`: the start of the next day, so the day is included). */
function resolveDate(value: Date | LocalDay | undefined, timeZone: string, endOfDay: boolean): Date | undefined {
  if (value === undefined || value instanceof Date) return value;
  return startOfLocalDay(value.localDate, timeZone, endOfDay ? 1 : 0);
}

function listOf<T extends string>(values: readonly T[], label: string) {
  return z.array(z.enum(values as unknown as [T, ...T[]], { message: `each ${label} must be one of ${values.join(", ")}` })).max(20);
}

const ZAssignee = z.string().refine((v) => v === "unassigned" || v === "me" || UUID.test(v), 'a member id, "me" or "unassigned"');
const ZQ = z.string().trim().max(200, "at most 200 characters");
const ZId = z.string().regex(UUID, "a UUID");

// ── the routes' query schemas ────────────────────────────────────────────────────────────
export const leadListQueryShape = {
  status: listOf(LEAD_STATUSES, "status").optional(),
  source: listOf(LEAD_SOURCES, "source").optional(),
  assignedTo: z.array(ZAssignee).max(20).optional(),
  q: ZQ.optional(),
  createdFrom: dateParam().optional(),
  createdTo: dateParam().optional(),
  sort: z.enum(LEAD_SORTS).default("-createdAt"),
  cursor: z.string().optional(),
  limit: ZLimit.optional(),
};
export const contactListQueryShape = { q: ZQ.optional(), cursor: z.string().optional(), limit: ZLimit.optional() };
export const activityListQueryShape = {
  contactId: ZId.optional(),
  leadId: ZId.optional(),
  type: listOf(ACTIVITY_TYPES, "type").optional(),
  cursor: z.string().optional(),
  limit: ZLimit.optional(),
};
const MULTI = new Set(["status", "source", "assignedTo", "type"]);

type Shape = Record<string, z.ZodType>;
type Parsed<S extends Shape> = z.output<z.ZodObject<S>>;

// One strict object schema per shape, made at its first use: zod compiles an object schema when
// it first parses, so a schema made per request was compiled again on every request.
const strictObjects = new WeakMap<Shape, z.ZodType>();
function strictObjectOf<S extends Shape>(shape: S): z.ZodType<Parsed<S>> {
  let schema = strictObjects.get(shape);
  if (!schema) strictObjects.set(shape, (schema = z.object(shape).strict()));
  return schema as z.ZodType<Parsed<S>>;
}

/** Reads URLSearchParams into the shape's object: unknown or repeated keys are errors; list keys split on commas. */
export function parseQuery<S extends Shape>(shape: S, params: URLSearchParams): ParseResult<Parsed<S>> {
  const fields: FieldErrors = {};
  const raw: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!(key in shape)) {
      fields[key] = ["unknown query parameter"];
      continue;
    }
    if (MULTI.has(key))
      raw[key] = values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean);
    else if (values.length > 1) fields[key] = ["given more than once"];
    else if (values[0] !== "") raw[key] = values[0];
  }
  const result = strictObjectOf(shape).safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "query");
      (fields[key] ??= []).push(issue.message);
    }
  }
  if (Object.keys(fields).length || !result.success) return { ok: false, error: { error: "validation_failed", fields } };
  return { ok: true, value: result.data };
}

export type LeadListQuery = Omit<Parsed<typeof leadListQueryShape>, "cursor" | "limit" | "createdFrom" | "createdTo"> & {
  createdFrom?: Date;
  createdTo?: Date;
  cursor?: ListCursor;
  limit: number;
};
export type ContactListQuery = { q?: string; cursor?: Keyset; limit: number };
export type ActivityListQuery = Omit<Parsed<typeof activityListQueryShape>, "cursor" | "limit"> & { cursor?: Keyset; limit: number };

const BAD_CURSOR: { ok: false; error: { error: "validation_failed"; fields: FieldErrors } } = {
  ok: false,
  error: { error: "validation_failed", fields: { cursor: ["not a cursor from this list and sort order"] } },
};

function withCursor<T extends { cursor?: string; limit?: number }>(
  value: T,
  sort: string,
): ParseResult<Omit<T, "cursor" | "limit"> & { cursor?: ListCursor; limit: number }> {
  const { cursor, limit, ...rest } = value;
  const decoded = cursor === undefined ? undefined : decodeCursor(cursor, sort);
  if (decoded === null) return BAD_CURSOR;
  return { ok: true, value: { ...rest, cursor: decoded, limit: limit ?? DEFAULT_LIMIT } };
}

/** For lists whose sort keys never change (contacts by creation, activities by occurrence): keysets only. */
function withKeyset<T extends { cursor?: string; limit?: number }>(
  value: T,
  sort: string,
): ParseResult<Omit<T, "cursor" | "limit"> & { cursor?: Keyset; limit: number }> {
  const result = withCursor(value, sort);
  if (!result.ok) return result;
  const cursor = result.value.cursor;
  if (cursor && "snapshotId" in cursor) return BAD_CURSOR;
  return { ok: true, value: { ...result.value, cursor } };
}

/**
 * The leads list's query. A date-only createdFrom / createdTo is a day in the tenant's time zone
 * (`timeZone`): from its local midnight, to the end of that day inclusive.
 */
export function parseLeadListQuery(params: URLSearchParams, options: { timeZone?: string } = {}): ParseResult<LeadListQuery> {
  const parsed = parseQuery(leadListQueryShape, params);
  if (!parsed.ok) return parsed;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const createdFrom = resolveDate(parsed.value.createdFrom, timeZone, false);
  const createdTo = resolveDate(parsed.value.createdTo, timeZone, true);
  if (createdFrom && createdTo && createdFrom >= createdTo) {
    return { ok: false, error: { error: "validation_failed", fields: { createdTo: ["must be after createdFrom"] } } };
  }
  return withCursor({ ...parsed.value, createdFrom, createdTo }, parsed.value.sort);
}

export function parseContactListQuery(params: URLSearchParams): ParseResult<ContactListQuery> {
  const parsed = parseQuery(contactListQueryShape, params);
  return parsed.ok ? withKeyset(parsed.value, "contacts") : parsed;
}

export function parseActivityListQuery(params: URLSearchParams): ParseResult<ActivityListQuery> {
  const parsed = parseQuery(activityListQueryShape, params);
  return parsed.ok ? withKeyset(parsed.value, "activities") : parsed;
}

/** Turns a Next.js `searchParams` object into URLSearchParams (for pages sharing these parsers). */
export function toUrlSearchParams(input: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}
