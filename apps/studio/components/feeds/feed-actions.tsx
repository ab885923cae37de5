"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApi } from "@/lib/client-api";
import { useNotice } from "../notice";

/** "Test connection", "Sync now" and "Full reconcile" for one feed. */
export function FeedActions({ tenantId, feedId }: { tenantId: string; feedId: string }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const [test, setTest] = useState<string | null>(null);
  const base = `/api/tenants/${tenantId}/feeds/${feedId}`;

  async function run(kind: "incremental" | "full") {
    const res = await api.run<{ requested: string }>("POST", `${base}/runs`, { kind });
    if (res.ok) {
      notice.show(kind === "full" ? "Full reconcile requested: the worker runs it next" : "Sync requested: the worker runs it next");
      router.refresh();
    }
  }

  async function testConnection() {
    setTest(null);
    const res = await api.run<{ ok: true; sampleKeys: string[] } | { ok: false; error: string }>("POST", `${base}/test`);
    if (res.ok)
      setTest(
        res.data.ok
          ? `Connected: ${res.data.sampleKeys.length ? `read ${res.data.sampleKeys.join(", ")}` : "the feed has no listings"}`
          : `Failed: ${res.data.error}`,
      );
  }

  return (
    <div className="row" style={{ gap: 8, flexWrap: "wrap", justifyContent: "flex-end" }}>
      <button type="button" className="small" onClick={testConnection} disabled={api.busy}>
        Test connection
      </button>
      <button type="button" className="small" onClick={() => run("incremental")} disabled={api.busy}>
        Sync now
      </button>
      <button type="button" className="small" onClick={() => run("full")} disabled={api.busy}>
        Full reconcile
      </button>
      {test ? (
        <p className="small" role="status" data-testid="feed-test" style={{ flexBasis: "100%", textAlign: "right", margin: 0 }}>
          {test}
        </p>
      ) : null}
      {api.failure ? (
        <p className="small field-error" role="alert" style={{ flexBasis: "100%", textAlign: "right", margin: 0 }}>
          {api.failure.message}
        </p>
      ) : null}
    </div>
  );
}
