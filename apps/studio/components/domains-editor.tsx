"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldError, useApi } from "@/lib/client-api";
import { ConfirmDialog } from "./confirm-dialog";
import { savedText, useNotice } from "./notice";

export type DomainRow = { id: string; hostname: string; kind: "WEB" | "CRM"; isPrimary: boolean; href: string };

export function DomainsEditor({ tenantId, domains }: { tenantId: string; domains: DomainRow[] }) {
  const router = useRouter();
  const api = useApi();
  const notice = useNotice();
  const [hostname, setHostname] = useState("");
  const [kind, setKind] = useState<"WEB" | "CRM">("WEB");
  const [isPrimary, setIsPrimary] = useState(false);
  const [removing, setRemoving] = useState<DomainRow | null>(null);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const res = await api.run<{ domain: { hostname: string }; revalidated: boolean }>("POST", `/api/tenants/${tenantId}/domains`, {
      hostname,
      kind,
      isPrimary,
    });
    if (res.ok) {
      setHostname("");
      setIsPrimary(false);
      notice.show(savedText(`Host ${res.data.domain.hostname}`, res.data.revalidated));
      router.refresh();
    }
  }

  async function makePrimary(d: DomainRow) {
    const res = await api.run<{ revalidated: boolean }>("POST", `/api/tenants/${tenantId}/domains/${d.id}/primary`);
    if (res.ok) {
      notice.show(savedText(`Primary ${d.kind === "WEB" ? "website" : "CRM"} host`, res.data.revalidated));
      router.refresh();
    }
  }

  async function remove() {
    if (!removing) return;
    const res = await api.run<{ revalidated: boolean }>("DELETE", `/api/tenants/${tenantId}/domains/${removing.id}`);
    if (res.ok) {
      notice.show(savedText(`Removal of ${removing.hostname}`, res.data.revalidated));
      setRemoving(null);
      router.refresh();
    }
  }

  return (
    <div className="stack">
      {(["WEB", "CRM"] as const).map((k) => {
        const rows = domains.filter((d) => d.kind === k);
        return (
          <div className="panel" key={k}>
            <div className="panel-head">
              <div>
                <h2>{k === "WEB" ? "Website hosts" : "CRM hosts"}</h2>
                <p>{k === "WEB" ? "The primary host is used for canonical links and the sitemap" : "Agents sign in to the CRM on these hosts"}</p>
              </div>
            </div>
            <table className="data" data-testid={`domains-${k.toLowerCase()}`}>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td className="empty">No {k === "WEB" ? "website" : "CRM"} host yet.</td>
                  </tr>
                ) : null}
                {rows.map((d) => (
                  <tr key={d.id}>
                    <td className="mono" style={{ width: "55%" }}>
                      <a href={d.href} target="_blank" rel="noreferrer">
                        {d.hostname}
                      </a>
                    </td>
                    <td>{d.isPrimary ? <span className="badge info">primary</span> : null}</td>
                    <td className="right nowrap">
                      {!d.isPrimary ? (
                        <button type="button" className="small" onClick={() => makePrimary(d)} disabled={api.busy}>
                          Make primary
                        </button>
                      ) : null}{" "}
                      <button type="button" className="small danger" onClick={() => setRemoving(d)} disabled={api.busy}>
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <form className="panel" onSubmit={add} data-testid="add-domain">
        <div className="panel-head">
          <div>
            <h2>Add a host name</h2>
            <p>
              Lower-cased, port and trailing dot removed; a host can belong to one tenant only, and cannot be an IP address, a single-label name or one of the
              platform&apos;s own hosts
            </p>
          </div>
        </div>
        <div className="panel-body row" style={{ alignItems: "flex-end" }}>
          <label className="field" style={{ flex: "1 1 260px" }}>
            <span>Host name</span>
            <input type="text" value={hostname} onChange={(e) => setHostname(e.target.value)} placeholder="www.example-realty.com" required className="mono" />
          </label>
          <label className="field">
            <span>Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as "WEB" | "CRM")}>
              <option value="WEB">Website</option>
              <option value="CRM">CRM</option>
            </select>
          </label>
          <label className="row small" style={{ minHeight: 32 }}>
            <input type="checkbox" checked={isPrimary} onChange={(e) => setIsPrimary(e.target.checked)} /> make primary
          </label>
          <button className="primary" type="submit" disabled={api.busy}>
            Add host
          </button>
        </div>
        {api.failure && !removing ? (
          <div className="panel-body field-error" style={{ paddingTop: 0 }} role="alert">
            {fieldError(api.failure, "hostname") ?? api.failure.message}
          </div>
        ) : null}
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.hostname}?`}
        confirmLabel="Remove host"
        danger
        busy={api.busy}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      >
        Requests for this host stop reaching the tenant within seconds.
        {removing?.isPrimary ? " The next host of this kind becomes primary." : ""}
      </ConfirmDialog>
    </div>
  );
}
