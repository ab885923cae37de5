"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useApi } from "@/lib/client-api";
import { savedText, useNotice } from "./notice";

const SECTIONS = ["atAGlance", "taxes", "schools", "walkScore", "nearbyPlaces"] as const;

/** Edits an area's name, summary and module content (JSON checked by the server against ZAreaContent). */
export function AreaEditor(props: { url: string; name: string; summary: string; content: unknown }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const [name, setName] = useState(props.name);
  const [summary, setSummary] = useState(props.summary);
  const [json, setJson] = useState(JSON.stringify(props.content ?? {}, null, 2));
  const parsed = useMemo(() => {
    try {
      const value = JSON.parse(json) as unknown;
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? { ok: true as const, value: value as Record<string, unknown> }
        : { ok: false as const, error: "The content must be a JSON object" };
    } catch (error) {
      return { ok: false as const, error: (error as Error).message };
    }
  }, [json]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!parsed.ok) return;
    const res = await api.run<{ revalidated: boolean }>("PUT", props.url, { name, summary, content: parsed.value });
    if (res.ok) {
      notice.show(savedText("Content", res.data.revalidated));
      router.refresh();
    }
  }

  return (
    <form className="panel" onSubmit={save} data-testid="area-editor">
      <div className="panel-body stack">
        <div className="form-grid">
          <label className="field">
            <span>Name</span>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
          </label>
          <div className="field">
            <span>Sections present</span>
            <div className="row" style={{ gap: 6, minHeight: 32 }}>
              {SECTIONS.map((s) => (
                <span key={s} className={`badge ${parsed.ok && s in parsed.value ? "ok" : ""}`}>
                  {s}
                </span>
              ))}
            </div>
          </div>
          <label className="field wide">
            <span>Summary</span>
            <textarea
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              rows={3}
              maxLength={4000}
              style={{ fontFamily: "inherit", fontSize: 13.5 }}
            />
          </label>
          <label className="field wide">
            <span>Module content (JSON)</span>
            <textarea value={json} onChange={(e) => setJson(e.target.value)} rows={22} spellCheck={false} aria-invalid={!parsed.ok} />
          </label>
        </div>
        {!parsed.ok ? <div className="field-error">JSON: {parsed.error}</div> : null}
        {api.failure ? (
          <div className="banner bad" role="alert">
            <div>
              <strong>{api.failure.message}</strong>
              <ul>
                {Object.entries(api.failure.fields).map(([k, v]) => (
                  <li key={k}>
                    <code>{k}</code>: {v.join(", ")}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <div className="row">
          <button className="primary" type="submit" disabled={!parsed.ok || api.busy}>
            {api.busy ? "Saving…" : "Save content"}
          </button>
          <span className="muted small">Values you enter are shown on the website as given; mark sample values with &quot;isSample&quot;: true.</span>
        </div>
      </div>
    </form>
  );
}
