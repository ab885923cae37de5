export type TBodyKind = "json" | "form";

export type TReadBodyResult =
  | { ok: true; kind: TBodyKind; data: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; error: "payload_too_large" | "invalid_body" | "unsupported_media_type" };

/** "form" for a plain HTML form post (progressive enhancement), "json" otherwise. */
export function bodyKind(headers: Headers): TBodyKind | null {
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return "form";
  return null;
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
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
 * Reads a JSON or form body of at most `maxBytes` (413 beyond, also when Content-Length says
 * so up front). Form fields become strings; a repeated field keeps its last value.
 */
export async function readBody(request: Request, maxBytes: number): Promise<TReadBodyResult> {
  const kind = bodyKind(request.headers);
  if (!kind) {
    // A bodiless POST (sign out, delete) needs no content type.
    const length = request.headers.get("content-length");
    if (!request.headers.get("content-type") && (length === null || length === "0")) return { ok: true, kind: "json", data: {} };
    return { ok: false, status: 415, error: "unsupported_media_type" };
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, status: 413, error: "payload_too_large" };
  const bytes = await readCapped(request, maxBytes).catch(() => undefined);
  if (bytes === null) return { ok: false, status: 413, error: "payload_too_large" };
  if (bytes === undefined) return { ok: false, status: 400, error: "invalid_body" };
  const text = new TextDecoder().decode(bytes);
  if (kind === "json") {
    try {
      const data: unknown = JSON.parse(text);
      if (!data || typeof data !== "object" || Array.isArray(data)) return { ok: false, status: 400, error: "invalid_body" };
      return { ok: true, kind, data: data as Record<string, unknown> };
    } catch {
      return { ok: false, status: 400, error: "invalid_body" };
    }
  }
  const type = request.headers.get("content-type") ?? "";
  if (type.toLowerCase().startsWith("multipart/form-data")) {
    try {
      const form = await new Response(bytes, { headers: { "content-type": type } }).formData();
      return { ok: true, kind, data: Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) };
    } catch {
      return { ok: false, status: 400, error: "invalid_body" };
    }
  }
  return { ok: true, kind, data: Object.fromEntries(new URLSearchParams(text)) };
}
