"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldError, useApi } from "@/lib/client-api";
import { savedText, useNotice } from "./notice";

/** The MapLibre style of the website's maps: a style URL, or empty for the platform default. */
export function MapStylePanel({ tenantId, mapStyleUrl }: { tenantId: string; mapStyleUrl: string | null }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const [value, setValue] = useState(mapStyleUrl ?? "");

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const res = await api.run<{ mapStyleUrl: string | null; revalidated: boolean }>("PUT", `/api/tenants/${tenantId}/map-style`, { mapStyleUrl: value });
    if (res.ok) {
      setValue(res.data.mapStyleUrl ?? "");
      notice.show(savedText("Map style", res.data.revalidated));
      router.refresh();
    }
  }

  const error = fieldError(api.failure, "mapStyleUrl") ?? api.failure?.message;
  return (
    <form className="panel" onSubmit={save} noValidate>
      <div className="panel-head">
        <div>
          <h2>Map style</h2>
          <p>The MapLibre style of the search map and the small maps (an https style URL); empty uses the platform default</p>
        </div>
      </div>
      <div className="panel-body stack" style={{ gap: 8 }}>
        <label className="field">
          <span>Style URL</span>
          <input
            type="url"
            name="mapStyleUrl"
            value={value}
            placeholder="https://tiles.example.com/styles/streets/style.json"
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            className="mono"
          />
          {error ? <span className="field-error">{error}</span> : null}
        </label>
        <div className="row">
          <button type="submit" disabled={api.busy}>
            {api.busy ? "Saving…" : "Save map style"}
          </button>
        </div>
      </div>
    </form>
  );
}
