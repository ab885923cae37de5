import { MalformedRequestError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "../errors/http-error";
import { assertStorable } from "../text/unstorable-text";

export type BodyKind = "json" | "form";

/** "form" for an HTML form post (urlencoded or multipart), "json" for JSON, null otherwise. */
export function bodyKind(headers: Headers): BodyKind | null {
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return "form";
  return null;
}

/** The body's bytes, or PayloadTooLargeError as soon as more than `maxBytes` arrived (or were announced). */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new MalformedRequestError("invalid_body", "The request body could not be read");
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * How deep a JSON body may nest (objects and arrays, the body itself being level 1). No
 * contract of ours goes beyond a few levels; code that walks a parsed body recursively
 * (fingerprints, checks, serializers) overflows the stack on a body nested some thousands deep,
 * which fits well within any size cap (`[` is one byte), and that would be a 500 or 503.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests objects or arrays more than `limit` levels deep (walked without recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) if (child && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

export type ReadBodyOptions = {
  /** Largest body in bytes (413 beyond). */
  maxBytes: number;
  /** Which kinds the route reads (415 otherwise); default JSON only. */
  accept?: readonly BodyKind[];
  /** A request without a body and without a content type reads as `{}` (a bodiless POST or DELETE). Default true. */
  allowEmpty?: boolean;
  /** Top-level free-text fields from the browser whose unstorable characters are dropped instead of refused. */
  stripFields?: readonly string[];
  /** Read a body sent without Content-Type, or as text/plain, as JSON (some API clients send it so). Default false. */
  lenientJson?: boolean;
};

/**
 * Reads a JSON object or form body: 415 for another type, 413 beyond `maxBytes`, 400 when it
 * does not parse, 422 when it is JSON but not an object or nests deeper than MAX_JSON_DEPTH,
 * and 422 naming the field when any text in it (keys included)
 * has characters PostgreSQL cannot store. Form fields become strings (a repeated field keeps
 * its last value; files are ignored).
 */
export async function readBody(request: Request, options: ReadBodyOptions): Promise<{ kind: BodyKind; data: Record<string, unknown> }> {
  const accept = options.accept ?? ["json"];
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const kind = bodyKind(request.headers) ?? (options.lenientJson && accept.includes("json") && (type === "" || type === "text/plain") ? "json" : null);
  if (!kind || !accept.includes(kind)) {
    const length = request.headers.get("content-length");
    if (!kind && (options.allowEmpty ?? true) && !request.headers.get("content-type") && (length === null || length === "0")) {
      const bytes = await readBytes(request, options.maxBytes);
      if (bytes.byteLength === 0) return { kind: "json", data: {} };
    }
    throw new UnsupportedMediaTypeError(accept.includes("form") ? "application/json or a form" : "application/json");
  }
  const bytes = await readBytes(request, options.maxBytes);
  let data: Record<string, unknown>;
  if (kind === "json") {
    const text = new TextDecoder().decode(bytes);
    if (options.allowEmpty !== false && !text.trim()) return { kind, data: {} };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new MalformedRequestError("malformed_json", "The request body is not valid JSON");
    }
    // Valid JSON of the wrong shape breaks the contract rather than the syntax: 422.
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ValidationError({ body: ["must be a JSON object"] });
    if (nestsDeeperThan(parsed, MAX_JSON_DEPTH))
      throw new ValidationError({ body: [`must not nest objects or arrays more than ${MAX_JSON_DEPTH} levels deep`] });
    data = parsed as Record<string, unknown>;
  } else {
    const type = request.headers.get("content-type") ?? "";
    let form: FormData | URLSearchParams;
    try {
      form = type.toLowerCase().startsWith("multipart/form-data")
        ? await new Response(bytes, { headers: { "content-type": type } }).formData()
        : new URLSearchParams(new TextDecoder().decode(bytes));
    } catch {
      throw new MalformedRequestError("invalid_body", "The form could not be read");
    }
    data = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
  }
  return { kind, data: assertStorable(data, { stripFields: options.stripFields }) };
}
