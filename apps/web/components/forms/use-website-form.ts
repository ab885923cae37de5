"use client";
import { useEffect, useRef, useState } from "react";

export type FormState<R> =
  | { status: "idle" }
  | { status: "sending" }
  | { status: "invalid"; fields: Record<string, string> }
  | { status: "failed"; message: string }
  | { status: "done"; result: R; data: Record<string, string> };

function failureMessage(status: number, retryAfter: string | null): string {
  if (status === 429) return `Too many submissions from your connection. Please wait ${retryAfter ?? "a minute"} seconds and try again.`;
  if (status === 413) return "That message is too long. Please shorten it and try again.";
  if (status === 403) return "This form can only be sent from this website. Please reload the page and try again.";
  if (status === 503) return "We could not record your request just now. Nothing was sent; please try again in a moment.";
  return "Something went wrong. Please try again.";
}

/**
 * Progressive enhancement for the site's forms: without JavaScript they post to the API and
 * land on a page; with it, they post JSON, show field errors next to the fields (announced),
 * and keep one eventId per filled-in form so a retry cannot queue it twice.
 */
export function useWebsiteForm<R>(endpoint: string) {
  const [state, setState] = useState<FormState<R>>({ status: "idle" });
  const eventId = useRef<string>("");
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    eventId.current = crypto.randomUUID();
    const set = (name: string, value: string) => {
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = value;
    };
    set("startedAt", String(Date.now()));
    set("eventId", eventId.current);
    set("pageUrl", window.location.href);
    set("referrer", document.referrer);
  }, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    setState({ status: "sending" });
    let res: Response | null = null;
    try {
      res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(data) });
    } catch {
      setState({ status: "failed", message: "You seem to be offline. Please check your connection and try again." });
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { fields?: Record<string, string> } & R;
    if (res.status === 202 || res.ok) return setState({ status: "done", result: body, data });
    if (res.status === 422 && body.fields) {
      setState({ status: "invalid", fields: body.fields });
      const first = Object.keys(body.fields)[0];
      const el = first ? form.elements.namedItem(first) : null;
      if (el instanceof HTMLElement) el.focus();
      return;
    }
    setState({ status: "failed", message: failureMessage(res.status, res.headers.get("retry-after")) });
  }

  const fieldError = (name: string) => (state.status === "invalid" ? state.fields[name] : undefined);
  return { state, formRef, onSubmit, fieldError };
}
