// Optimistic concurrency over HTTP (RFC 9110): a record's version is its ETag; a write that sends
// If-Match applies only to that version, else 412 with the record as it is now.

import { json, jsonError } from "./responses";

/** The strong ETag of a record version, e.g. "v3" in quotes. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

export type IfMatch = { kind: "absent" } | { kind: "any" } | { kind: "version"; version: number } | { kind: "unknown" };

/**
 * Reads If-Match: absent, "*", one of our strong ETags, or something that cannot match any
 * version (weak or foreign tags, several tags of which none is ours): then the write must fail.
 */
export function parseIfMatch(header: string | null): IfMatch {
  if (header === null) return { kind: "absent" };
  const value = header.trim();
  if (value === "*") return { kind: "any" };
  const versions = value
    .split(",")
    .map((t) => /^"v(\d{1,9})"$/.exec(t.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  // Several of our tags cannot all be current: the first one is the editor's.
  if (versions.length) return { kind: "version", version: versions[0]! };
  return { kind: "unknown" };
}

/** The expectedVersion to pass to a write for an If-Match header (undefined: no condition). */
export function expectedVersionOf(ifMatch: IfMatch): number | undefined {
  if (ifMatch.kind === "version") return ifMatch.version;
  if (ifMatch.kind === "unknown") return -1;
  return undefined;
}

/** The expectedVersion a write asks for through the request's If-Match header (undefined: no condition). */
export function expectedVersionFrom(request: Request): number | undefined {
  return expectedVersionOf(parseIfMatch(request.headers.get("if-match")));
}

/** 200 with a record and its version as ETag: the answer of a GET or of a write that went through. */
export function versionedJson(body: unknown, version: number): Response {
  return json(body, 200, { etag: etagOf(version) });
}

/** 412 for a write whose If-Match names an older version: the record as it is now, and its ETag. */
export function preconditionFailed(what: string, current: unknown, version: number): Response {
  return jsonError(412, "precondition_failed", { message: `the ${what} changed since you read it`, current }, { etag: etagOf(version) });
}
