"use client";

import type { ModuleSettings, WebsiteModuleKey } from "@real-estate/types";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApi } from "@/lib/client-api";
import { savedText, useNotice } from "./notice";

export type EditorModule = { moduleKey: WebsiteModuleKey; label: string; enabled: boolean; settings: ModuleSettings; configured: boolean };

const HINTS: Partial<Record<WebsiteModuleKey, string>> = {
  "at-a-glance": "facts from the area content",
  taxes: "mill rate and note from the area content",
  schools: "district and schools from the area content",
  "walk-score": "Walk Score API when a key is set, else the area content",
  "nearby-places": "Google Places when a key is set, else the area content",
  listings: "homes for sale in the area",
  "valuation-cta": "link to the home value form",
};

/** Order, switch and configure the modules of one kind of page, then save them together. */
export function ModulesEditor(props: { tenantId: string; pageKind: "town" | "neighborhood"; modules: EditorModule[] }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const [rows, setRows] = useState(props.modules);
  const dirty = JSON.stringify(rows) !== JSON.stringify(props.modules);

  const update = (i: number, patch: Partial<EditorModule>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, delta: number) => {
    const j = i + delta;
    if (j < 0 || j >= rows.length) return;
    const next = [...rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setRows(next);
  };
  const setSetting = (i: number, key: keyof ModuleSettings, value: unknown) => {
    const settings = { ...rows[i]!.settings, [key]: value } as Record<string, unknown>;
    if (value === "" || value === undefined || (Array.isArray(value) && value.length === 0)) delete settings[key];
    update(i, { settings: settings as ModuleSettings });
  };

  async function save() {
    const body = { modules: rows.map((r) => ({ moduleKey: r.moduleKey, enabled: r.enabled, settings: r.settings })) };
    const res = await api.run<{ revalidated: boolean }>("PUT", `/api/tenants/${props.tenantId}/modules/${props.pageKind}`, body);
    if (res.ok) {
      notice.show(savedText("Modules", res.data.revalidated));
      router.refresh();
    }
  }

  return (
    <div className="panel" data-testid="modules-editor">
      <div className="panel-head">
        <div>
          <h2>{props.pageKind === "town" ? "Town page" : "Neighbourhood page"} modules</h2>
          <p>
            Top to bottom as they appear on the page · {rows.filter((r) => r.enabled).length} of {rows.length} on
          </p>
        </div>
        <div className="row">
          {dirty ? <span className="badge warn">unsaved changes</span> : null}
          <button type="button" onClick={() => setRows(props.modules)} disabled={!dirty || api.busy}>
            Discard
          </button>
          <button type="button" className="primary" onClick={save} disabled={!dirty || api.busy}>
            {api.busy ? "Saving…" : "Save modules"}
          </button>
        </div>
      </div>
      {api.failure ? (
        <div className="banner bad" style={{ margin: 12 }}>
          {api.failure.message}{" "}
          {Object.entries(api.failure.fields)
            .map(([k, v]) => `${k}: ${v.join(", ")}`)
            .join("; ")}
        </div>
      ) : null}
      <ul className="module-list">
        {rows.map((m, i) => (
          <li key={m.moduleKey} className={`module-row${m.enabled ? "" : " off"}`} data-module={m.moduleKey}>
            <span className="module-order">{i + 1}</span>
            <label className="switch" title={m.enabled ? "On" : "Off"}>
              <input type="checkbox" checked={m.enabled} onChange={(e) => update(i, { enabled: e.target.checked })} aria-label={`Show ${m.label}`} />
              <span />
            </label>
            <div className="module-name">
              {m.label}
              <small>
                {m.moduleKey} · {HINTS[m.moduleKey]}
              </small>
            </div>
            <div className="row" style={{ gap: 8 }}>
              <input
                type="text"
                placeholder={`Heading (default “${m.label}”)`}
                value={m.settings.title ?? ""}
                onChange={(e) => setSetting(i, "title", e.target.value)}
                maxLength={120}
                style={{ flex: 1, minWidth: 140 }}
                aria-label={`${m.label} heading`}
              />
              {m.moduleKey === "listings" ? (
                <input
                  type="number"
                  min={1}
                  max={24}
                  placeholder="6"
                  value={m.settings.limit ?? ""}
                  onChange={(e) => setSetting(i, "limit", e.target.value ? Number(e.target.value) : undefined)}
                  style={{ width: 70 }}
                  aria-label="Homes shown"
                  title="Homes shown"
                />
              ) : null}
              {m.moduleKey === "nearby-places" ? (
                <input
                  type="text"
                  placeholder="restaurant, park, school"
                  value={(m.settings.placeTypes ?? []).join(", ")}
                  onChange={(e) =>
                    setSetting(
                      i,
                      "placeTypes",
                      e.target.value
                        .split(",")
                        .map((s) => s.trim())
                        .filter(Boolean),
                    )
                  }
                  style={{ width: 190 }}
                  aria-label="Place types"
                />
              ) : null}
            </div>
            <span className="row nowrap" style={{ gap: 4 }}>
              <button type="button" className="ghost small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${m.label} up`}>
                ↑
              </button>
              <button type="button" className="ghost small" onClick={() => move(i, 1)} disabled={i === rows.length - 1} aria-label={`Move ${m.label} down`}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
