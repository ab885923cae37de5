import crypto from "node:crypto";
import type { WebsiteEvent } from "@real-estate/types";

/**
 * JSON with object keys sorted and undefined members left out, so equal values hash equally.
 * Built in one string without intermediate arrays (decision 0086); the output is the same as the
 * first form's (entries filtered, sorted by UTF-16 code units, mapped and joined), holes of a
 * sparse array included (empty, as Array.prototype.join leaves them).
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      if (i in value) out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** sha256 (hex) of a request body in canonical form: the fingerprint an idempotency key is bound to. */
export function requestHash(value: unknown): string {
  return crypto.hash("sha256", canonicalJson(value), "hex");
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
