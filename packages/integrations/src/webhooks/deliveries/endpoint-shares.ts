/**
 * Each endpoint's share of a worker's delivery slots (decision 0115), kept by the worker process
 * that runs the deliveries (per job-kind registry). Every decision is made from counts and from
 * how attempts ended (an answer, or no answer by the deadline), never from measured latency, and
 * every time is read on the worker's clock (the one the queue's due times are on):
 *
 * - **Counted caps.** At most `endpointCap` (a quarter of the slots, at least one) deliveries of one
 *   endpoint in flight, and `tenantCap` (half of the slots, at least one) of one tenant's endpoints.
 * - **Borrowing.** An endpoint whose last attempt was answered may go beyond both caps: alone (no
 *   other endpoint's delivery in flight) it uses every slot, beside others all but `endpointCap`
 *   of them (left for the others). A new endpoint (no attempt ended yet) or one whose last attempt
 *   timed out never borrows.
 * - **Circuit breaker.** `tripAfterTimeouts` attempts in a row that ran into the deadline open the
 *   endpoint: none of its deliveries starts for `openMs` (doubled after each probe that times out
 *   again, up to `maxOpenMs`); they are given back to the queue due when the pause ends. After it,
 *   one probe delivery at a time until an attempt is answered.
 *
 * A delivery held back by a cap is kept by the worker (a place frees when one of its endpoint's or
 * tenant's deliveries in flight ends, within one deadline) and asked again as slots are given back.
 */
export type Admission = { start: true; end: () => void } | { start: false; retryInMs: number; keep: boolean; group?: string };

export type EndpointShareSettings = {
  /** Timeouts in a row that open the endpoint's circuit (default 3). */
  tripAfterTimeouts: number;
  /** How long the circuit first stays open, on the worker's clock (default 30 s), doubled after each failed probe... */
  openMs: number;
  /** ...up to this long (default 5 min). */
  maxOpenMs: number;
  /** Endpoints remembered (least recently used forgotten first, only when nothing is in flight; default 10,000). */
  maxEndpoints: number;
};

type Key = { tenantId: string; endpointId: string };

type Endpoint = {
  tenantId: string;
  inFlight: number;
  /** Its last attempt got an answer (any status) within the deadline. */
  answered: boolean;
  /** Attempts in a row that ran into the deadline. */
  timeouts: number;
  /** Worker-clock time (ms) until which none of its deliveries starts. */
  openUntil: number;
  /** Times it was opened since it last answered. */
  opened: number;
};

/** The counted caps of a worker with `slots` slots. */
export function shareCaps(slots: number) {
  return { endpoint: Math.max(1, Math.floor(slots / 4)), tenant: Math.max(1, Math.floor(slots / 2)) };
}

export type EndpointShares = {
  /**
   * Whether a delivery to this endpoint may start now (`now`: the worker's clock, ms), on a worker
   * with `slots` slots. If it starts, `end` once its request is over.
   */
  admit(key: Key, info: { slots: number; now: number }): Admission;
  /** How the delivery's request ended (`at`: the worker's clock, ms): answered, or no answer by the deadline. */
  attempted(key: Key, attempt: { timedOut: boolean; at: number }): void;
};

export function createEndpointShares(settings: Partial<EndpointShareSettings> = {}): EndpointShares {
  const s: EndpointShareSettings = { tripAfterTimeouts: 3, openMs: 30_000, maxOpenMs: 300_000, maxEndpoints: 10_000, ...settings };
  const endpoints = new Map<string, Endpoint>();
  const byTenant = new Map<string, number>();
  let inAll = 0;
  const groupOf = (k: Key) => `${k.tenantId}/${k.endpointId}`;

  function endpointOf(k: Key): Endpoint {
    const key = groupOf(k);
    let e = endpoints.get(key);
    if (e) {
      // Most recently used last.
      endpoints.delete(key);
      endpoints.set(key, e);
      return e;
    }
    e = { tenantId: k.tenantId, inFlight: 0, answered: false, timeouts: 0, openUntil: 0, opened: 0 };
    endpoints.set(key, e);
    if (endpoints.size > s.maxEndpoints) {
      for (const [old, o] of endpoints) {
        if (endpoints.size <= s.maxEndpoints) break;
        if (o.inFlight === 0 && o !== e) endpoints.delete(old);
      }
    }
    return e;
  }

  function take(e: Endpoint): Admission {
    e.inFlight++;
    inAll++;
    byTenant.set(e.tenantId, (byTenant.get(e.tenantId) ?? 0) + 1);
    let ended = false;
    return {
      start: true,
      end: () => {
        if (ended) return;
        ended = true;
        e.inFlight--;
        inAll--;
        const left = (byTenant.get(e.tenantId) ?? 1) - 1;
        if (left > 0) byTenant.set(e.tenantId, left);
        else byTenant.delete(e.tenantId);
      },
    };
  }

  return {
    admit(k, { slots, now }) {
      const e = endpointOf(k);
      // Paused: given back to the queue, due when the pause ends (the same clock).
      if (now < e.openUntil) return { start: false, retryInMs: e.openUntil - now, keep: false };
      const keep: Admission = { start: false, retryInMs: 0, keep: true, group: groupOf(k) };
      // After a pause: one probe at a time until an attempt is answered.
      if (e.timeouts >= s.tripAfterTimeouts) return e.inFlight === 0 ? take(e) : keep;
      const caps = shareCaps(slots);
      if (e.inFlight < caps.endpoint && (byTenant.get(e.tenantId) ?? 0) < caps.tenant) return take(e);
      // Borrowing: every slot while alone, all but an endpoint's share beside others.
      if (e.answered && (inAll === e.inFlight || e.inFlight < slots - caps.endpoint)) return take(e);
      return keep;
    },

    attempted(k, { timedOut, at }) {
      const e = endpointOf(k);
      if (!timedOut) {
        e.answered = true;
        e.timeouts = 0;
        e.opened = 0;
        return;
      }
      e.answered = false;
      // Attempts that were in flight when the circuit opened do not extend the pause.
      if (at < e.openUntil) return;
      if (++e.timeouts >= s.tripAfterTimeouts) {
        e.openUntil = at + Math.min(s.maxOpenMs, s.openMs * 2 ** Math.min(e.opened, 20));
        e.opened++;
      }
    },
  };
}
