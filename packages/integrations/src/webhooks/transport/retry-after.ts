// A receiver's Retry-After (RFC 9110 §10.2.3) on a 429 or 503: delta-seconds or an HTTP-date.

/** The longest wait a receiver's Retry-After may ask for (decision 0117); longer asks get this. */
export const RETRY_AFTER_CAP_MS = 3_600_000;

// IMF-fixdate, and the two obsolete forms a recipient must still accept (RFC 850, asctime).
const HTTP_DATE = [
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/**
 * The wait a 429 or 503 answer's Retry-After asks for, in ms from `now` (the attempt's start,
 * from which the queue schedules the retry; delta-seconds count from the answer, `latencyMs`
 * later), at most RETRY_AFTER_CAP_MS; undefined for another status, no header, a value that is
 * neither delta-seconds nor an HTTP-date, or a date not after `now`.
 */
export function retryAfterMs(status: number, value: string | undefined, now: number, latencyMs = 0): number | undefined {
  if ((status !== 429 && status !== 503) || value === undefined) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000 + latencyMs;
  else if (HTTP_DATE.some((form) => form.test(text))) {
    // asctime has no zone: it is GMT.
    const at = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  } else return undefined;
  if (!(ms > 0)) return undefined;
  return Math.min(ms, RETRY_AFTER_CAP_MS);
}
