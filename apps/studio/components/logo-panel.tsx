"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { fieldError, useApi } from "@/lib/client-api";
import { savedText, useNotice } from "./notice";

export function LogoPanel({ tenantId, logoPath }: { tenantId: string; logoPath: string | null }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const input = useRef<HTMLInputElement>(null);

  async function upload(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.set("logo", file);
    const res = await api.run<{ revalidated: boolean }>("PUT", `/api/tenants/${tenantId}/logo`, form);
    if (input.current) input.current.value = "";
    if (res.ok) {
      notice.show(savedText("Logo", res.data.revalidated));
      router.refresh();
    }
  }

  async function remove() {
    const res = await api.run<{ revalidated: boolean }>("DELETE", `/api/tenants/${tenantId}/logo`);
    if (res.ok) {
      notice.show(savedText("Logo removal", res.data.revalidated));
      router.refresh();
    }
  }

  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>Logo</h2>
          <p>PNG, JPEG, GIF or WebP, up to 1 MiB; stored on this server</p>
        </div>
      </div>
      <div className="panel-body row" style={{ gap: 16 }}>
        <div className="logo-box">
          {logoPath ? (
            <img src={`/api/tenants/${tenantId}/logo?v=${encodeURIComponent(logoPath)}`} alt="Current logo" />
          ) : (
            <span className="muted small">none</span>
          )}
        </div>
        <div className="stack" style={{ gap: 8 }}>
          <label className="button">
            {api.busy ? "Uploading…" : logoPath ? "Replace logo" : "Upload logo"}
            <input
              ref={input}
              type="file"
              name="logo"
              accept="image/png,image/jpeg,image/gif,image/webp"
              onChange={upload}
              hidden
              disabled={api.busy}
              data-testid="logo-input"
            />
          </label>
          {logoPath ? (
            <button type="button" className="ghost small" onClick={remove} disabled={api.busy}>
              Remove
            </button>
          ) : null}
          {api.failure ? <span className="field-error">{fieldError(api.failure, "logo") ?? api.failure.message}</span> : null}
        </div>
      </div>
    </div>
  );
}
