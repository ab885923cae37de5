"use client";

import { useCallback, useState } from "react";

export type ApiFailure = { ok: false; status: number; error: string; message: string; fields: Record<string, string[]> };
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

/** Calls a studio API route with JSON (or a FormData / binary body) and never throws. */
export async function callApi<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const isForm = typeof FormData !== "undefined" && body instanceof FormData;
    const res = await fetch(url, {
      method,
      headers: body === undefined || isForm ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok) return { ok: true, status: res.status, data: data as T };
    return {
      ok: false,
      status: res.status,
      error: String(data.error ?? "error"),
      message: String(data.message ?? (res.status === 404 ? "Not found (or your session ended)." : `The studio answered ${res.status}.`)),
      fields: (data.fields as Record<string, string[]>) ?? {},
    };
  } catch {
    return { ok: false, status: 0, error: "network", message: "The studio could not be reached.", fields: {} };
  }
}

/** Busy flag, last failure and a runner for one kind of action on a page. */
export function useApi() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const run = useCallback(async <T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> => {
    setBusy(true);
    setFailure(null);
    const result = await callApi<T>(method, url, body);
    setBusy(false);
    if (!result.ok) setFailure(result);
    return result;
  }, []);
  return { busy, failure, run, clear: () => setFailure(null) };
}

/** The first message for a field, if the last failure named it. */
export function fieldError(failure: ApiFailure | null, field: string): string | undefined {
  return failure?.fields[field]?.[0];
}
