"use client";

import { useState } from "react";
import { useApi } from "@/lib/client-api";

/** The masked payload; "Reveal personal data" fetches the real one, which the server audits. */
export function PayloadViewer({ masked, revealUrl }: { masked: unknown; revealUrl: string }) {
  const api = useApi();
  const [revealed, setRevealed] = useState<unknown>(null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");

  async function reveal() {
    const res = await api.run<{ payload: unknown }>("POST", revealUrl, reason.trim() ? { reason: reason.trim() } : {});
    if (res.ok) {
      setRevealed(res.data.payload);
      setAsking(false);
    }
  }

  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>Payload</h2>
          <p>
            {revealed
              ? "Personal data shown: this view was recorded in the audit log."
              : "Personal data (emails, phones, names, addresses, messages) is masked."}
          </p>
        </div>
        {revealed ? (
          <button type="button" onClick={() => setRevealed(null)}>
            Mask again
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => setAsking(true)} data-testid="reveal">
            Reveal personal data
          </button>
        )}
      </div>
      {asking && !revealed ? (
        <div className="panel-body row" style={{ borderBottom: "1px solid var(--line-2)", background: "var(--warn-bg)" }}>
          <span className="small">Revealing is recorded with your name. Reason (optional):</span>
          <input
            type="text"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            placeholder="e.g. checking the bad phone number"
            style={{ flex: 1 }}
          />
          <button type="button" className="danger solid" onClick={reveal} disabled={api.busy} data-testid="reveal-confirm">
            Reveal and record
          </button>
          <button type="button" className="ghost" onClick={() => setAsking(false)}>
            Cancel
          </button>
          {api.failure ? <span className="field-error">{api.failure.message}</span> : null}
        </div>
      ) : null}
      <div className="panel-body">
        <pre className="json" data-testid="payload">
          {JSON.stringify(revealed ?? masked, null, 2)}
        </pre>
      </div>
    </div>
  );
}
