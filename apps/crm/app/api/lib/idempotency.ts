import crypto from "node:crypto";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type StoredAnswer } from "@real-estate/crm";
import { authenticateApi, type ApiCaller } from "./api-auth";
import { jsonError, MAX_BODY_BYTES } from "./responses";

/** An `Idempotency-Key`: 1-200 printable ASCII characters without spaces (a UUID fits). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** How long a duplicate waits for the first request's answer before being told to retry. */
const WAIT_FOR_FIRST_MS = 10_000;
/** Answer headers not kept with a stored answer: they describe this request, not the first. */
const NOT_STORED = new Set(["set-cookie", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy", "date", "content-length"]);

/** JSON with object keys sorted, so the same body sent with its keys in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The request's body text, or null when it is larger than the API reads (the route answers 413). */
async function bodyText(request: Request): Promise<string | null> {
  const copy = request.clone();
  if (!copy.body) return "";
  const reader = copy.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function fingerprintOf(request: Request, body: string): string {
  let normalized = body;
  try {
    normalized = canonicalJson(JSON.parse(body));
  } catch {
    // Not JSON: the bytes as sent (the route will refuse them; the refusal is kept all the same).
  }
  const url = new URL(request.url);
  return crypto.createHash("sha256").update(`${request.method}\n${url.pathname}${url.search}\n${normalized}`).digest("hex");
}

function principalOf(caller: ApiCaller): string {
  return caller.actor.apiKeyId ? `key:${caller.actor.apiKeyId}` : `user:${caller.actor.userId}`;
}

function replay(answer: StoredAnswer): Response {
  const headers = new Headers(answer.headers);
  headers.set("idempotent-replayed", "true");
  return new Response(answer.body || null, { status: answer.status, headers });
}

/**
 * Runs a POST under its `Idempotency-Key` header (IETF httpapi idempotency-key draft, as Stripe
 * does it): the first request with a key runs and its answer is kept a day; the same key with the
 * same method, path and body gets that answer again (`Idempotent-Replayed: true`) without running
 * anything; with another request, 409 `idempotency_conflict`. A duplicate arriving while the first
 * runs waits for its answer (up to 10 s, then 409 `idempotency_in_progress` with Retry-After).
 * Keys are per caller (API key or member). Only successful answers (2xx) are kept: a refused
 * request (4xx, 5xx, or a throw) changed nothing, so a retry with its key runs again. Without the
 * header the request runs as it is.
 */
export async function withIdempotency(request: Request, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return run();
  if (!IDEMPOTENCY_KEY.test(key)) {
    return jsonError(400, "validation_failed", { fields: { "Idempotency-Key": ["1-200 printable ASCII characters without spaces"] } });
  }
  const auth = await authenticateApi(request);
  if (!auth.ok) return auth.response;
  const body = await bodyText(request);
  if (body === null) return run();
  const identity = { tenantId: auth.caller.tenantId, principal: principalOf(auth.caller), key };
  const fingerprint = fingerprintOf(request, body);
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (let wait = 25; ; wait = Math.min(wait * 2, 250)) {
    const claim = await claimIdempotencyKey({ ...identity, fingerprint });
    if (claim.kind === "conflict") {
      return jsonError(409, "idempotency_conflict", { message: "This Idempotency-Key was used for another request; nothing was done." });
    }
    if (claim.kind === "replay") return replay(claim.answer);
    if (claim.kind === "claimed") break;
    if (Date.now() >= deadline) {
      return jsonError(
        409,
        "idempotency_in_progress",
        { message: "A request with this Idempotency-Key is still being answered; retry shortly." },
        { "retry-after": "1" },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotencyKey(identity);
    throw error;
  }
  if (response.status >= 400) {
    // A refused request changed nothing (bad input, not found, a duplicate, a server error): the
    // key is not spent, and a retry with it runs again.
    await releaseIdempotencyKey(identity);
    return response;
  }
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!NOT_STORED.has(name)) headers[name] = value;
  });
  await completeIdempotencyKey({ ...identity, answer: { status: response.status, body: text, headers } });
  return new Response(text || null, { status: response.status, statusText: response.statusText, headers: response.headers });
}
