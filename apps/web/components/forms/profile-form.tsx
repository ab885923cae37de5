"use client";
import { useState } from "react";
import type { VisitorProfile } from "@real-estate/sites";
import { Field } from "./form-parts";

/** Name, phone and alert preferences: PUT /api/user/profile. */
export function ProfileForm({ profile }: { profile: VisitorProfile }) {
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" | "error"; fields?: Record<string, string> }>({ kind: "idle" });
  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ kind: "saving" });
    const res = await fetch("/api/user/profile", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: String(form.get("name") ?? "").trim() || null,
        phone: String(form.get("phone") ?? "").trim() || null,
        preferences: { emailAlerts: form.get("emailAlerts") === "on" },
      }),
    }).catch(() => null);
    if (res?.ok) return setState({ kind: "saved" });
    const body = (await res?.json().catch(() => null)) as { fields?: Record<string, string> } | null;
    setState({ kind: "error", fields: body?.fields });
  }
  return (
    <form onSubmit={save}>
      <div
        role="status"
        aria-live="polite"
        className={state.kind === "saved" ? "alert alert-success" : state.kind === "error" ? "alert alert-error" : undefined}
      >
        {state.kind === "saved" ? "Your profile is saved." : state.kind === "error" ? "Please check the fields below." : null}
      </div>
      <p className="small muted">
        Signed in as <strong>{profile.email}</strong>
      </p>
      <Field id="pf-name" name="name" label="Name" defaultValue={profile.name ?? ""} maxLength={120} error={state.fields?.name} />
      <Field id="pf-phone" name="phone" label="Phone" type="tel" defaultValue={profile.phone ?? ""} optional maxLength={32} error={state.fields?.phone} />
      <div className="check">
        <input id="pf-alerts" name="emailAlerts" type="checkbox" defaultChecked={profile.preferences.emailAlerts === true} />
        <label htmlFor="pf-alerts">Email me new homes that match my saved searches</label>
      </div>
      <button className="btn btn-outline btn-block" type="submit" disabled={state.kind === "saving"}>
        Save profile
      </button>
    </form>
  );
}
