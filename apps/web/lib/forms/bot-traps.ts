import type { BodyKind } from "@real-estate/http";

/** Name of the honeypot field: hidden from people, filled in by form-filling bots. */
export const HONEYPOT_FIELD = "website";
/** Hidden field with the time (ms since epoch) the form was shown. */
export const STARTED_AT_FIELD = "startedAt";

/**
 * True when a submission looks automated: the honeypot is filled, or the form came back faster
 * than a person can fill it. A plain form post without the timestamp did not come from our
 * form. JSON API clients may leave both out.
 */
export function isBotSubmission(options: { data: Record<string, unknown>; kind: BodyKind; minFillMs: number; now?: number }): boolean {
  const { data } = options;
  const honeypot = data[HONEYPOT_FIELD];
  if (typeof honeypot === "string" ? honeypot.trim() !== "" : honeypot !== undefined && honeypot !== null && honeypot !== false) return true;
  const raw = data[STARTED_AT_FIELD];
  if (raw === undefined || raw === null || raw === "") return options.kind === "form";
  const started = typeof raw === "number" || typeof raw === "string" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(started)) return true;
  return (options.now ?? Date.now()) - started < options.minFillMs;
}
