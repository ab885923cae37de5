import crypto from "node:crypto";
import type { WebsiteEvent } from "@real-estate/types";

/** JSON with object keys sorted and undefined members left out, so equal values hash equally. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** sha256 (hex) of a request body in canonical form: the fingerprint an idempotency key is bound to. */
export function requestHash(value: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/**
 * The fingerprint of an event when its sender gives none: its type and payload, without what the
 * server stamps on each attempt (the consent record's time, address and page), so a retry of the
 * same submission has the same fingerprint.
 */
export function eventRequestHash(event: WebsiteEvent): string {
  const payload = { ...(event.payload as Record<string, unknown>) };
  const consent = payload.consent as { given?: boolean; text?: string; version?: string } | undefined;
  if (consent) payload.consent = { given: consent.given, text: consent.text, version: consent.version };
  return requestHash({ type: event.type, payload });
}
