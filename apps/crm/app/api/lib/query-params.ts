// Query-string parsing and keyset pagination for the CRM's list routes and list pages: one
// module, so the REST API and the screens accept exactly the same filters. Unknown parameters
// are rejected, repeated single-valued ones too; list-valued ones take `a,b` or `x=a&x=b`.
import { z } from "zod";
import { ACTIVITY_TYPES, LEAD_SOURCES, LEAD_STATUSES } from "@real-estate/types";

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;
export const LEAD_SORTS = ["-createdAt", "createdAt", "-lastActivityAt", "lastActivityAt"] as const;
export type LeadSortParam = (typeof LEAD_SORTS)[number];

export type Keyset = { value: Date; id: string };
export type FieldErrors = Record<string, string[]>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: { error: "validation_failed"; fields: FieldErrors } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// ── cursors ──────────────────────────────────────────────────────────────────────────────
/** Opaque cursor: base64url of {s: sort, v: ISO time, id}. The sort is inside so a cursor cannot be replayed under another order. */
export function encodeCursor(keyset: Keyset, sort: string): string {
  return Buffer.from(JSON.stringify({ s: sort, v: keyset.value.toISOString(), id: keyset.id }), "utf8").toString("base64url");
}

const ZCursorPayload = z.object({ s: z.string(), v: z.iso.datetime(), id: z.string().regex(UUID) }).strict();

export function decodeCursor(cursor: string, sort: string): Keyset | null {
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = ZCursorPayload.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.s !== sort) return null;
    return { value: new Date(parsed.data.v), id: parsed.data.id };
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

/** A date (YYYY-MM-DD, taken as UTC midnight) or an ISO date-time with offset. `endOfDay` makes a date-only value exclusive of the next day. */
function dateParam(endOfDay: boolean) {
  return z.string().transform((raw, ctx) => {
    if (DATE_ONLY.test(raw)) {
      const d = new Date(`${raw}T00:00:00.000Z`);
      if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(raw)) return endOfDay ? new Date(d.getTime() + 86_400_000) : d;
    } else if (z.iso.datetime({ offset: true }).safeParse(raw).success) {
      return new Date(raw);
    }
    ctx.addIssue({ code: "custom", message: "a date (YYYY-MM-DD) or an ISO 8601 date-time" });
    return z.NEVER;
  });
}

function listOf<T extends string>(values: readonly T[], label: string) {
  return z.array(z.enum(values as unknown as [T, ...T[]], { message: `each ${label} must be one of ${values.join(", ")}` })).max(20);
}

const ZAssignee = z.string().refine((v) => v === "unassigned" || v === "me" || UUID.test(v), "a member id, \"me\" or \"unassigned\"");
const ZQ = z.string().trim().max(200, "at most 200 characters");
const ZId = z.string().regex(UUID, "a UUID");

// ── the routes' query schemas ────────────────────────────────────────────────────────────
export const leadListQueryShape = {
  status: listOf(LEAD_STATUSES, "status").optional(),
  source: listOf(LEAD_SOURCES, "source").optional(),
  assignedTo: z.array(ZAssignee).max(20).optional(),
  q: ZQ.optional(),
  createdFrom: dateParam(false).optional(),
  createdTo: dateParam(true).optional(),
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
    if (MULTI.has(key)) raw[key] = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    else if (values.length > 1) fields[key] = ["given more than once"];
    else if (values[0] !== "") raw[key] = values[0];
  }
  const result = z.object(shape).strict().safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "query");
      (fields[key] ??= []).push(issue.message);
    }
  }
  if (Object.keys(fields).length || !result.success) return { ok: false, error: { error: "validation_failed", fields } };
  return { ok: true, value: result.data };
}

export type LeadListQuery = Omit<Parsed<typeof leadListQueryShape>, "cursor" | "limit"> & { cursor?: Keyset; limit: number };
export type ContactListQuery = { q?: string; cursor?: Keyset; limit: number };
export type ActivityListQuery = Omit<Parsed<typeof activityListQueryShape>, "cursor" | "limit"> & { cursor?: Keyset; limit: number };

function withCursor<T extends { cursor?: string; limit?: number }>(value: T, sort: string): ParseResult<Omit<T, "cursor" | "limit"> & { cursor?: Keyset; limit: number }> {
  const { cursor, limit, ...rest } = value;
  const keyset = cursor === undefined ? undefined : decodeCursor(cursor, sort);
  if (keyset === null) return { ok: false, error: { error: "validation_failed", fields: { cursor: ["not a cursor from this list and sort order"] } } };
  return { ok: true, value: { ...rest, cursor: keyset, limit: limit ?? DEFAULT_LIMIT } };
}

export function parseLeadListQuery(params: URLSearchParams): ParseResult<LeadListQuery> {
  const parsed = parseQuery(leadListQueryShape, params);
  if (!parsed.ok) return parsed;
  const { createdFrom, createdTo } = parsed.value;
  if (createdFrom && createdTo && createdFrom >= createdTo) {
    return { ok: false, error: { error: "validation_failed", fields: { createdTo: ["must be after createdFrom"] } } };
  }
  return withCursor(parsed.value, parsed.value.sort);
}

export function parseContactListQuery(params: URLSearchParams): ParseResult<ContactListQuery> {
  const parsed = parseQuery(contactListQueryShape, params);
  return parsed.ok ? withCursor(parsed.value, "contacts") : parsed;
}

export function parseActivityListQuery(params: URLSearchParams): ParseResult<ActivityListQuery> {
  const parsed = parseQuery(activityListQueryShape, params);
  return parsed.ok ? withCursor(parsed.value, "activities") : parsed;
}

/** Turns a Next.js `searchParams` object into URLSearchParams (for pages sharing these parsers). */
export function toUrlSearchParams(input: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}
