/** JSON error in the boundary's shape: { error, ...detail }. */
export function jsonError(status: number, error: string, detail: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return Response.json({ error, ...detail }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** 503 with Retry-After: the database could not be asked; the client may try again shortly. */
export function serviceUnavailable() {
  return jsonError(503, "service_unavailable", {}, { "retry-after": "5" });
}

/** 303 See Other to a same-site path (a plain form post lands on a page). */
export function seeOther(path: string, headers: Record<string, string> = {}) {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store", ...headers } });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page for form posts without JavaScript that could not be accepted. */
export function htmlProblem(status: number, title: string, messages: string[], backHref: string) {
  const items = messages.map((m) => `<li>${escapeHtml(m)}</li>`).join("");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>${escapeHtml(title)}</h1><ul role="alert">${items}</ul><p><a href="${escapeHtml(backHref)}">Go back and try again</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
