/**
 * An eventId (idempotency key) reused for a different request: another body, or another kind of
 * event. Nothing was stored. Answered 409, as Stripe answers a reused idempotency key.
 */
export class IdempotencyConflictError extends Error {
  readonly eventId: string;
  /** The kind of event the key was first used for. */
  readonly originalEventType: string;
  readonly eventType: string;
  constructor(options: { eventId: string; originalEventType: string; eventType: string }) {
    const what = options.originalEventType === options.eventType ? "a different request" : `a ${options.originalEventType} event`;
    super(`eventId ${options.eventId} was already used for ${what}; use a new eventId for a new request`);
    this.name = "IdempotencyConflictError";
    this.eventId = options.eventId;
    this.originalEventType = options.originalEventType;
    this.eventType = options.eventType;
  }
}

/** What was stored under a key before, from the queue or the ledger. */
export type StoredKey = { eventType: string; requestHash: string | null };

/** True when a repeat of the key is the same request (a key stored before fingerprints existed matches on its type alone). */
export function isSameRequest(stored: StoredKey, eventType: string, hash: string): boolean {
  return stored.eventType === eventType && (stored.requestHash === null || stored.requestHash === hash);
}
