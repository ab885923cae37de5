"use client";

import Link from "next/link";
import { useState } from "react";
import type { DeadLetterQuery } from "@/lib/dead-letter-query";
import { RedriveDialog, type RedriveTarget } from "./redrive-dialog";
import { JobKind } from "@/components/job-kind";

export type DeadLetterRowView = {
  jobId: string;
  tenantId: string;
  tenantSlug: string;
  kind: string;
  eventType: string;
  attempts: number;
  maxAttempts: number;
  firstAttempt: string;
  lastAttempt: string;
  deadLettered: string;
  lastError: string | null;
  lastErrorClass: string | null;
  redriveCount: number;
  held: boolean;
};

/** The dead-letter table with row selection and the re-drive actions. */
export function DeadLetterTable({ rows, filter, total }: { rows: DeadLetterRowView[]; filter: DeadLetterQuery; total: number }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState<RedriveTarget | null>(null);
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.jobId));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>{total.toLocaleString("en-US")} dead letters match</h2>
          <p>Newest first · personal data stays masked until you open one and reveal it</p>
        </div>
        <div className="row">
          <button type="button" disabled={!selected.size} onClick={() => setTarget({ kind: "ids", ids: [...selected], label: `${selected.size} selected` })}>
            Re-drive selected ({selected.size})
          </button>
          <button
            type="button"
            className="primary"
            disabled={!total}
            onClick={() => setTarget({ kind: "filter", filter, label: "everything matching the filter" })}
            data-testid="redrive-all"
          >
            Re-drive all {total.toLocaleString("en-US")} matching
          </button>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="dead-letter-table">
          <thead>
            <tr>
              <th style={{ width: 28 }}>
                <input
                  type="checkbox"
                  checked={allOnPage}
                  onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.jobId)))}
                  aria-label="Select all on this page"
                />
              </th>
              <th>Job</th>
              <th>Kind</th>
              <th className="num">Attempts</th>
              <th>First / last attempt</th>
              <th>Dead-lettered</th>
              <th>Last error</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="empty">
                  No dead letters match this filter.
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.jobId}>
                <td>
                  <input type="checkbox" checked={selected.has(r.jobId)} onChange={() => toggle(r.jobId)} aria-label={`Select job ${r.jobId}`} />
                </td>
                <td className="mono nowrap">
                  <Link href={`/dead-letters/${r.tenantId}/${r.jobId}`}>#{r.jobId}</Link>
                  <div className="muted small">
                    {r.tenantSlug}
                    {r.redriveCount ? ` · re-driven ${r.redriveCount}×` : ""}
                  </div>
                </td>
                <td className="small">
                  <JobKind kind={r.kind} eventType={r.eventType} />
                </td>
                <td className="num">
                  {r.attempts}/{r.maxAttempts}
                </td>
                <td className="small nowrap">
                  {r.firstAttempt}
                  <div className="muted">{r.lastAttempt}</div>
                </td>
                <td className="small nowrap">{r.deadLettered}</td>
                <td>
                  <div className="error-text truncate" style={{ maxWidth: 380 }} title={r.lastError ?? ""}>
                    {r.lastErrorClass ? (
                      <span className={`badge ${r.lastErrorClass === "permanent" ? "bad" : "warn"}`} style={{ marginRight: 6 }}>
                        {r.lastErrorClass}
                      </span>
                    ) : null}
                    {r.lastError ?? "—"}
                  </div>
                  {r.held ? <span className="badge info">re-drive running</span> : null}
                </td>
                <td className="nowrap">
                  <button type="button" className="small" onClick={() => setTarget({ kind: "ids", ids: [r.jobId], label: `job #${r.jobId}` })}>
                    Re-drive
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {target ? (
        <RedriveDialog
          target={target}
          onClose={() => {
            setTarget(null);
            setSelected(new Set());
          }}
        />
      ) : null}
    </div>
  );
}
