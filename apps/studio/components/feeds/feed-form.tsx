"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FEED_RESOURCES } from "@real-estate/feeds";
import { fieldError, useApi } from "@/lib/client-api";
import { useNotice } from "../notice";

export type FeedFormValues = {
  name: string;
  baseUrl: string;
  authKind: "client_credentials" | "bearer";
  tokenUrl: string;
  clientId: string;
  filter: string;
  disclaimer: string;
  pageSize: number;
  syncIntervalSeconds: number;
  /** The RESO resources read besides Property (which is always read). */
  resources: string[];
  /** Keys asked for in one request of a reconciliation. */
  keyPageSize: number;
  reconcileIntervalSeconds: number;
  /** The stored secret's hint (edits only): the secret itself never comes back. */
  secretHint?: string;
};

/**
 * The label of each resource a feed may read (Property always). Keyed by packages/feeds'
 * FEED_RESOURCES, the list the server validates against, through its type only (the package's
 * code stays out of the browser's bundle): a resource added there and not here, or named here and
 * not there, fails the typecheck.
 */
const RESOURCE_LABELS: Record<(typeof FEED_RESOURCES)[number], string> = {
  Property: "Property (always)",
  Media: "Media (photos)",
  OpenHouse: "OpenHouse",
  Member: "Member (agents)",
  Office: "Office (attribution)",
};
const RESOURCES = Object.entries(RESOURCE_LABELS).map(([name, label]) => ({ name, label }));

const EMPTY: FeedFormValues = {
  name: "",
  baseUrl: "",
  authKind: "client_credentials",
  tokenUrl: "",
  clientId: "",
  filter: "",
  disclaimer: "",
  pageSize: 200,
  syncIntervalSeconds: 300,
  resources: RESOURCES.map((r) => r.name),
  keyPageSize: 10_000,
  reconcileIntervalSeconds: 86_400,
};

/** Every setting the form sends: an edit replaces them all, so none may be left out. */
const FIELDS = [
  "name",
  "baseUrl",
  "tokenUrl",
  "clientId",
  "secret",
  "filter",
  "resources",
  "pageSize",
  "syncIntervalSeconds",
  "keyPageSize",
  "reconcileIntervalSeconds",
];

/** Adds a feed (no `feedId`) or edits one; on an edit an empty secret keeps the stored one. */
export function FeedForm({ tenantId, feedId, initial }: { tenantId: string; feedId?: string; initial?: FeedFormValues }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const [v, setV] = useState<FeedFormValues>(initial ?? EMPTY);
  const [secret, setSecret] = useState("");
  const set = <K extends keyof FeedFormValues>(key: K, value: FeedFormValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const id = (name: string) => `${feedId ?? "new"}-${name}`;
  const err = (field: string) => fieldError(api.failure, field);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const body = {
      name: v.name,
      baseUrl: v.baseUrl,
      authKind: v.authKind,
      filter: v.filter,
      disclaimer: v.disclaimer,
      resources: v.resources,
      pageSize: v.pageSize,
      syncIntervalSeconds: v.syncIntervalSeconds,
      keyPageSize: v.keyPageSize,
      reconcileIntervalSeconds: v.reconcileIntervalSeconds,
      ...(v.authKind === "client_credentials" ? { tokenUrl: v.tokenUrl, clientId: v.clientId } : {}),
      ...(secret ? { secret } : {}),
    };
    const res = feedId ? await api.run("PUT", `/api/tenants/${tenantId}/feeds/${feedId}`, body) : await api.run("POST", `/api/tenants/${tenantId}/feeds`, body);
    if (res.ok) {
      setSecret("");
      if (!feedId) setV(EMPTY);
      notice.show(feedId ? `Feed ${v.name} saved` : `Feed ${v.name} added: its first sync starts within a minute`);
      router.refresh();
    }
  }

  const field = (name: keyof FeedFormValues, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="field" htmlFor={id(name)}>
      <span>{label}</span>
      <input
        id={id(name)}
        value={String(v[name] ?? "")}
        onChange={(e) => set(name, (props.type === "number" ? Number(e.target.value) : e.target.value) as never)}
        aria-invalid={err(name) ? true : undefined}
        {...props}
      />
      {err(name) ? <small className="field-error">{err(name)}</small> : null}
    </label>
  );

  return (
    <form className="stack" onSubmit={save} data-testid={feedId ? "edit-feed" : "add-feed"}>
      {field("name", "Name", { required: true, maxLength: 120, placeholder: "Shoreline MLS" })}
      {field("baseUrl", "RESO Web API service root", { required: true, className: "mono", placeholder: "https://api.mls.example/reso/odata" })}
      <label className="field" htmlFor={id("authKind")}>
        <span>Sign-in</span>
        <select id={id("authKind")} value={v.authKind} onChange={(e) => set("authKind", e.target.value as FeedFormValues["authKind"])}>
          <option value="client_credentials">OAuth 2 client credentials</option>
          <option value="bearer">Static bearer token</option>
        </select>
      </label>
      {v.authKind === "client_credentials" ? (
        <>
          {field("tokenUrl", "Token URL", { required: true, className: "mono" })}
          {field("clientId", "Client id", { required: true, className: "mono" })}
        </>
      ) : null}
      <label className="field" htmlFor={id("secret")}>
        <span>
          {v.authKind === "bearer" ? "Bearer token" : "Client secret"}
          {v.secretHint ? ` (stored: ${v.secretHint}; leave empty to keep it)` : ""}
        </span>
        <input
          id={id("secret")}
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          required={!feedId}
          aria-invalid={err("secret") ? true : undefined}
        />
        {err("secret") ? <small className="field-error">{err("secret")}</small> : null}
      </label>
      {field("filter", "OData $filter (optional: an office or an area)", { className: "mono", placeholder: "ListOfficeKey eq 'OFF-1'" })}
      <label className="field" htmlFor={id("disclaimer")}>
        <span>MLS disclaimer (shown under its listings)</span>
        <textarea id={id("disclaimer")} rows={3} value={v.disclaimer} onChange={(e) => set("disclaimer", e.target.value)} maxLength={4000} />
      </label>
      <fieldset className="field" aria-invalid={err("resources") ? true : undefined}>
        <legend>Resources read</legend>
        <div className="row" style={{ gap: 12, flexWrap: "wrap" }}>
          {RESOURCES.map((r) => (
            <label key={r.name} htmlFor={id(`resource-${r.name}`)}>
              <input
                id={id(`resource-${r.name}`)}
                type="checkbox"
                checked={r.name === "Property" || v.resources.includes(r.name)}
                disabled={r.name === "Property"}
                onChange={(e) => set("resources", e.target.checked ? [...new Set([...v.resources, r.name])] : v.resources.filter((name) => name !== r.name))}
              />{" "}
              {r.label}
            </label>
          ))}
        </div>
        {err("resources") ? <small className="field-error">{err("resources")}</small> : null}
      </fieldset>
      <div className="row" style={{ gap: 12 }}>
        {field("pageSize", "Page size", { type: "number", min: 10, max: 1000 })}
        {field("syncIntervalSeconds", "Sync every (seconds)", { type: "number", min: 15, max: 86400 })}
      </div>
      <div className="row" style={{ gap: 12 }}>
        {field("keyPageSize", "Keys per reconciliation request", { type: "number", min: 1000, max: 100000 })}
        {field("reconcileIntervalSeconds", "Reconcile every (seconds)", { type: "number", min: 600, max: 604800 })}
      </div>
      {api.failure && !Object.keys(api.failure.fields).some((k) => FIELDS.some((f) => k === f || k.startsWith(`${f}.`))) ? (
        <p className="field-error" role="alert">
          {api.failure.message}
        </p>
      ) : null}
      <div>
        <button className="primary" type="submit" disabled={api.busy}>
          {feedId ? "Save feed" : "Add feed"}
        </button>
      </div>
    </form>
  );
}
