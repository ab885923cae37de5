/**
 * Each endpoint's share of a worker's delivery slots (decision 0115), kept by the worker process
 * that runs the deliveries (per job-kind registry):
 *
 * - An endpoint that answered slowly (or not at all) within the last `slowPenaltyMs`, or has a
 *   delivery in flight for longer than `quickMs`, is *slow*: at most a quarter of the worker's
 *   slots (at least one) for its deliveries. One that has not answered yet is *new*: one delivery
 *   at a time until its first answer. Slow and new endpoints are *limited*: at most half the slots
 *   for those of one tenant, and a quarter of the slots (at least one) always left to endpoints
 *   that answer quickly. An endpoint whose answers are quick has no cap of its own.
 * - An endpoint whose last `tripAfterTimeouts` attempts all ran into the deadline is *open*: none
 *   of its deliveries start for `openMs` (doubled after each probe that times out again, up to
 *   `maxOpenMs`); then one probe delivery at a time until an attempt ends within the deadline.
 *
 * A delivery that may not start is held back: kept by the worker for a moment when a place should
 * free up soon, else given back to the queue (not failed, its attempt not counted) until about when
 * the endpoint can take it, spaced so that a backlog is not claimed again and again.
 */
export type Admission = { start: true; end: () => void } | { start: false; retryInMs: number; keep: boolean; group?: string };

export type EndpointShareSettings = {
  /** An attempt (its slot time) up to this long is quick (default: a fifth of the delivery timeout). */
  quickMs: number;
  /** How long an endpoint stays limited after a slow attempt (default 60 s). */
  slowPenaltyMs: number;
  /** Timeouts in a row that open the endpoint's circuit (default 3). */
  tripAfterTimeouts: number;
  /** How long the circuit first stays open (default 30 s), doubled after each failed probe... */
  openMs: number;
  /** ...up to this long (default 5 min); deliveries are never given back for longer. */
  maxOpenMs: number;
  /** Endpoints remembered (least recently used forgotten first, only when nothing is in flight; default 10,000). */
  maxEndpoints: number;
  /** A monotonic time in ms (default performance.now; tests). */
  now: () => number;
};

type Endpoint = {
  tenantId: string;
  /** Start times (performance.now()) of the deliveries in flight. */
  starts: number[];
  /** Has answered within quickMs since it was last slow. */
  quick: boolean;
  slowUntil: number;
  /** Slot time of the last slow attempt: what one delivery of it is expected to hold a slot for. */
  slowMs: number;
  timeouts: number;
  openUntil: number;
  opened: number;
  /** The latest time a delivery of it was given back until (the next one goes after it). */
  deferredUntil: number;
};

/** The slots a worker's limited deliveries may hold: per endpoint, per tenant, in all. */
export function limitedCaps(slots: number) {
  const quarter = Math.max(1, Math.floor(slots / 4));
  return { endpoint: quarter, tenant: Math.max(1, Math.floor(slots / 2)), all: Math.max(1, slots - quarter) };
}

export type EndpointShares = {
  /** Whether a delivery to this endpoint may start now, on a worker with `slots` slots; if it starts, `end` when its request is over. */
  admit(key: { tenantId: string; endpointId: string }, slots: number): Admission;
  /** What the delivery's request took (its slot time) and whether it ran into the deadline. */
  attempted(key: { tenantId: string; endpointId: string }, attempt: { ms: number; timedOut: boolean }): void;
};

export function createEndpointShares(timeoutMs: number, settings: Partial<EndpointShareSettings> = {}): EndpointShares {
  const s: EndpointShareSettings = {
    quickMs: Math.max(1, Math.round(timeoutMs / 5)),
    slowPenaltyMs: 60_000,
    tripAfterTimeouts: 3,
    openMs: 30_000,
    maxOpenMs: 300_000,
    maxEndpoints: 10_000,
    now: () => performance.now(),
    ...settings,
  };
  const endpoints = new Map<string, Endpoint>();
  const limitedByTenant = new Map<string, number>();
  let limitedInAll = 0;

  const keyOf = (k: { tenantId: string; endpointId: string }) => `${k.tenantId}/${k.endpointId}`;

  function endpointOf(k: { tenantId: string; endpointId: string }): Endpoint {
    const key = keyOf(k);
    let e = endpoints.get(key);
    if (e) {
      // Most recently used last.
      endpoints.delete(key);
      endpoints.set(key, e);
      return e;
    }
    e = { tenantId: k.tenantId, starts: [], quick: false, slowUntil: 0, slowMs: 0, timeouts: 0, openUntil: 0, opened: 0, deferredUntil: 0 };
    endpoints.set(key, e);
    if (endpoints.size > s.maxEndpoints) {
      for (const [old, o] of endpoints) {
        if (endpoints.size <= s.maxEndpoints) break;
        if (o.starts.length === 0 && o !== e) endpoints.delete(old);
      }
    }
    return e;
  }

  /** Given back to the queue: after `from`, one expected slot time (per place) after the one given back before. */
  function giveBack(e: Endpoint, now: number, from: number, places: number): Admission {
    const step = Math.max(s.quickMs, e.slowMs) / places;
    e.deferredUntil = Math.min(Math.max(e.deferredUntil + step, from), now + s.maxOpenMs);
    return { start: false, retryInMs: Math.max(s.quickMs, Math.round(e.deferredUntil - now)), keep: false };
  }

  function take(e: Endpoint, now: number, limited: boolean): Admission {
    e.starts.push(now);
    if (limited) {
      limitedByTenant.set(e.tenantId, (limitedByTenant.get(e.tenantId) ?? 0) + 1);
      limitedInAll++;
    }
    let ended = false;
    return {
      start: true,
      end: () => {
        if (ended) return;
        ended = true;
        const i = e.starts.indexOf(now);
        if (i >= 0) e.starts.splice(i, 1);
        if (!limited) return;
        const left = (limitedByTenant.get(e.tenantId) ?? 1) - 1;
        if (left > 0) limitedByTenant.set(e.tenantId, left);
        else limitedByTenant.delete(e.tenantId);
        limitedInAll--;
      },
    };
  }

  return {
    admit(k, slots) {
      const now = s.now();
      const e = endpointOf(k);
      if (now < e.openUntil) return giveBack(e, now, e.openUntil, 1);
      const probing = e.timeouts >= s.tripAfterTimeouts;
      const oldest = e.starts.length > 0 ? e.starts[0]! : now;
      const overdue = now - oldest > s.quickMs;
      const slow = now < e.slowUntil || overdue;
      if (!probing && !slow && e.quick) return take(e, now, false);
      const caps = limitedCaps(slots);
      const cap = probing || !slow ? 1 : caps.endpoint;
      if (e.starts.length >= cap) {
        // None of its deliveries in flight is overdue: a place should free up within quickMs. A new
        // endpoint's whole backlog may wait for its first answer (it is overdue, and its deliveries
        // given back, after quickMs); a slow one keeps a group's worth.
        if (!overdue) return { start: false, retryInMs: s.quickMs, keep: true, group: slow || probing ? keyOf(k) : undefined };
        return giveBack(e, now, oldest + timeoutMs, cap);
      }
      if ((limitedByTenant.get(e.tenantId) ?? 0) >= caps.tenant || limitedInAll >= caps.all) {
        // Other endpoints' deliveries hold the places; each ends by its deadline.
        return { start: false, retryInMs: timeoutMs, keep: true, group: keyOf(k) };
      }
      return take(e, now, true);
    },

    attempted(k, attempt) {
      const now = s.now();
      const e = endpointOf(k);
      if (!attempt.timedOut) {
        e.timeouts = 0;
        e.opened = 0;
        if (attempt.ms <= s.quickMs) e.quick = true;
      } else if (now >= e.openUntil && ++e.timeouts >= s.tripAfterTimeouts) {
        // Opened (or opened again after a probe that timed out), for longer each time.
        e.openUntil = now + Math.min(s.maxOpenMs, s.openMs * 2 ** Math.min(e.opened, 20));
        e.opened++;
        e.deferredUntil = Math.max(e.deferredUntil, e.openUntil);
      }
      if (attempt.timedOut || attempt.ms > s.quickMs) {
        e.quick = false;
        e.slowUntil = now + s.slowPenaltyMs;
        e.slowMs = Math.max(attempt.ms, s.quickMs);
      }
    },
  };
}
