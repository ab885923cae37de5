"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldError, useApi } from "@/lib/client-api";
import { savedText, useNotice } from "./notice";

export type TenantFormValues = {
  slug: string;
  name: string;
  primaryColor: string;
  accentColor: string;
  tagline: string;
  country: string;
  timeZone: string;
  /** Clerk organization id (`org_…`) of the brokerage's staff when the platform signs in through Clerk; empty for none. */
  clerkOrganizationId: string;
};

const TIME_ZONES: string[] =
  typeof Intl.supportedValuesOf === "function"
    ? Intl.supportedValuesOf("timeZone")
    : ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London"];

/** Create (no tenantId) or edit a tenant's identity, colours, country and time zone. */
export function TenantForm({ tenantId, initial }: { tenantId?: string; initial: TenantFormValues }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const [values, setValues] = useState(initial);
  const set = (key: keyof TenantFormValues) => (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: e.target.value });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!tenantId) {
      const res = await api.run<{ tenant: { id: string } }>("POST", "/api/tenants", values);
      if (res.ok) router.push(`/tenants/${res.data.tenant.id}/domains?created=1`);
      return;
    }
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => initial[k as keyof TenantFormValues] !== v));
    if (!Object.keys(changed).length) return notice.show("Nothing to save.");
    const res = await api.run<{ revalidated: boolean }>("PATCH", `/api/tenants/${tenantId}`, changed);
    if (res.ok) {
      notice.show(savedText("Tenant", res.data.revalidated));
      router.refresh();
    }
  }

  const err = (f: string) => fieldError(api.failure, f);
  return (
    <form onSubmit={onSubmit} className="stack" data-testid="tenant-form">
      <div className="form-grid">
        <label className="field">
          <span>Name</span>
          <input type="text" value={values.name} onChange={set("name")} required maxLength={120} />
          {err("name") ? <span className="field-error">{err("name")}</span> : null}
        </label>
        <label className="field">
          <span>Slug</span>
          <input type="text" value={values.slug} onChange={set("slug")} required maxLength={48} pattern="[a-z0-9][a-z0-9-]*" className="mono" />
          {err("slug") ? <span className="field-error">{err("slug")}</span> : <span className="muted small">lower-case letters, digits and hyphens</span>}
        </label>
        <ColorField
          label="Primary colour"
          value={values.primaryColor}
          onChange={(v) => setValues({ ...values, primaryColor: v })}
          error={err("primaryColor")}
        />
        <ColorField label="Accent colour" value={values.accentColor} onChange={(v) => setValues({ ...values, accentColor: v })} error={err("accentColor")} />
        <label className="field wide">
          <span>Tagline</span>
          <input type="text" value={values.tagline} onChange={set("tagline")} maxLength={200} placeholder="Shown under the name on the website" />
          {err("tagline") ? <span className="field-error">{err("tagline")}</span> : null}
        </label>
        <label className="field">
          <span>Country</span>
          <input type="text" value={values.country} onChange={set("country")} required maxLength={2} className="mono" style={{ width: 60 }} />
          {err("country") ? (
            <span className="field-error">{err("country")}</span>
          ) : (
            <span className="muted small">phone numbers without a country code are read in it (US, CA, GB…)</span>
          )}
        </label>
        <label className="field">
          <span>Time zone</span>
          <input type="text" value={values.timeZone} onChange={set("timeZone")} required maxLength={64} list="time-zones" className="mono" />
          <datalist id="time-zones">
            {TIME_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {err("timeZone") ? (
            <span className="field-error">{err("timeZone")}</span>
          ) : (
            <span className="muted small">the brokerage&apos;s days: &quot;today&quot;, date filters and times in the CRM</span>
          )}
        </label>
        <label className="field">
          <span>Clerk organization</span>
          <input type="text" value={values.clerkOrganizationId} onChange={set("clerkOrganizationId")} maxLength={64} placeholder="org_…" className="mono" />
          {err("clerkOrganizationId") ? (
            <span className="field-error">{err("clerkOrganizationId")}</span>
          ) : (
            <span className="muted small">with Clerk sign-in (AUTH_PROVIDER=clerk): its members are this brokerage&apos;s staff</span>
          )}
        </label>
      </div>
      {api.failure && !Object.keys(api.failure.fields).length ? <div className="field-error">{api.failure.message}</div> : null}
      <div className="row">
        <button className="primary" type="submit" disabled={api.busy}>
          {tenantId ? "Save changes" : "Create tenant"}
        </button>
      </div>
    </form>
  );
}

function ColorField(props: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <span className="row" style={{ gap: 6, flexWrap: "nowrap" }}>
        <input
          type="color"
          value={/^#[0-9a-f]{6}$/i.test(props.value) ? props.value : "#000000"}
          onChange={(e) => props.onChange(e.target.value)}
          aria-label={`${props.label} picker`}
        />
        <input
          type="text"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          className="mono"
          style={{ width: 110 }}
          aria-label={props.label}
        />
      </span>
      {props.error ? <span className="field-error">{props.error}</span> : null}
    </label>
  );
}
