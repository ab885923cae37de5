/** GET/POST JSON with a timeout; null on any network error, timeout or non-2xx (providers degrade, pages never fail). */
export async function fetchJson<T>(url: string, init: RequestInit & { timeoutMs: number }): Promise<{ status: number; body: T } | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs);
  try {
    const res = await fetch(url, { ...init, signal: controller.signal, cache: "no-store" });
    if (!res.ok) return null;
    return { status: res.status, body: (await res.json()) as T };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
