/**
 * The request id's header: the app server sets it on every request before the app sees it and
 * echoes it on the response, so a user's report, the access log and the route's own log lines
 * can be joined.
 */
export const REQUEST_ID_HEADER = "x-request-id";

/** What a proxy's id may look like: short, printable, no spaces or quotes (nothing that can forge a log line). */
export const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:@+=-]{8,128}$/;

/** The id the app server gave this request (for a route's log lines and for jobs it queues); null without the app server. */
export function requestIdOf(headers: Headers): string | null {
  const value = headers.get(REQUEST_ID_HEADER);
  return value && ACCEPTABLE_REQUEST_ID.test(value) ? value : null;
}
