"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApi } from "@/lib/client-api";
import { ConfirmDialog } from "./confirm-dialog";

export function TenantStatusPanel({ tenantId, name, status }: { tenantId: string; name: string; status: "ACTIVE" | "SUSPENDED" }) {
  const router = useRouter();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const suspended = status === "SUSPENDED";

  async function confirm() {
    const res = await api.run("POST", `/api/tenants/${tenantId}/status`, { status: suspended ? "ACTIVE" : "SUSPENDED" });
    if (res.ok) {
      setOpen(false);
      router.refresh();
    }
  }

  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>Status</h2>
          <p>{suspended ? "Suspended: the website answers 503 “temporarily unavailable”." : "Active: the website and CRM are served."}</p>
        </div>
        {suspended ? (
          <button type="button" className="primary" onClick={() => setOpen(true)}>
            Reactivate
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => setOpen(true)}>
            Suspend tenant
          </button>
        )}
      </div>
      <div className="panel-body small muted">
        Website events (leads, valuation requests) keep being accepted and queued while a tenant is suspended, so nothing is lost.
      </div>
      <ConfirmDialog
        open={open}
        title={suspended ? `Reactivate ${name}?` : `Suspend ${name}?`}
        confirmLabel={suspended ? "Reactivate" : "Suspend"}
        danger={!suspended}
        busy={api.busy}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        {suspended
          ? "Its website is served again within seconds."
          : "Its website answers “temporarily unavailable” (503) within seconds. Events are still queued."}
        {api.failure ? <div className="field-error">{api.failure.message}</div> : null}
      </ConfirmDialog>
    </div>
  );
}
