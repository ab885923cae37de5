import type { DeadLetterFilter } from "@real-estate/queue";
import { z } from "zod";

/** Time windows offered in the filter bar. */
export const WINDOWS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type WindowData = keyof typeof WINDOWS;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);
const instant = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "not a date and time" });
      return z.NEVER;
    }
    return d;
  });

/** The dead-letter filter as it travels in URLs and request bodies (times in UTC). */
export const ZDeadLetterQuery = z.object({
  tenant: text(200),
  kind: text(64),
  eventType: text(100),
  error: text(500),
  window: z
    .enum(Object.keys(WINDOWS) as [WindowData, ...WindowData[]])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  since: instant,
  until: instant,
});
export type DeadLetterQuery = z.input<typeof ZDeadLetterQuery>;

/** Turns the query into the library's filter; a window wins over an explicit `since`. */
export function toDeadLetterFilter(query: z.output<typeof ZDeadLetterQuery>, now = Date.now()): DeadLetterFilter {
  return {
    ...(query.tenant ? { tenant: query.tenant } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.eventType ? { eventType: query.eventType } : {}),
    ...(query.error ? { error: query.error } : {}),
    ...(query.window ? { since: new Date(now - WINDOWS[query.window]) } : query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
  };
}

export function queryFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : ([params[k]].flat()[0] ?? undefined));
  return ZDeadLetterQuery.safeParse({
    tenant: get("tenant"),
    kind: get("kind"),
    eventType: get("eventType"),
    error: get("error"),
    window: get("window"),
    since: get("since"),
    until: get("until"),
  });
}
