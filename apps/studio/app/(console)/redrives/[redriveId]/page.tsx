import { getRedrive, StudioNotFoundError } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { PageHead } from "@/components/page-head";
import { describeRedriveFilter, RedriveOutcomeView, RunBadge } from "@/components/redrive-outcome";
import { formatDateTime } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";
import { JobKind } from "@/components/job-kind";

export const metadata: Metadata = { title: "Re-drive" };

const STATUS_BADGE: Record<string, string> = { DEAD_LETTERED: "bad", COMPLETED: "ok", PENDING: "info", PROCESSING: "info" };

export default async function RedrivePage({ params }: { params: Promise<{ redriveId: string }> }) {
  await requireOperatorPage();
  const { redriveId } = await params;
  const r = await getRedrive({ redriveId }).catch((error: unknown) => {
    if (error instanceof StudioNotFoundError) notFound();
    throw error;
  });
  const settled = r.jobs ? r.jobs.waiting + r.jobs.processing + r.jobs.retrying === 0 : true;
  return (
    <>
      <PageHead
        crumbs={[{ href: "/redrives", label: "Re-drives" }]}
        title={`Re-drive of ${formatDateTime(r.startedAt)}`}
        subtitle={`${describeRedriveFilter(r.filter)} · by ${r.actor} (${r.origin})`}
        actions={settled ? null : <AutoRefresh seconds={3} />}
      />
      <section className="grid grid-4" style={{ marginBottom: 16 }}>
        <div className="panel stat">
          <div className="label">Run</div>
          <div className="value" style={{ fontSize: 18, marginTop: 8 }}>
            <RunBadge outcome={r.outcome} />
          </div>
          <div className="hint">finished {formatDateTime(r.finishedAt)}</div>
        </div>
        <div className="panel stat">
          <div className="label">Requeued</div>
          <div className="value">{r.requeued.toLocaleString("en-US")}</div>
          <div className="hint">of {r.matched.toLocaleString("en-US")} matched</div>
        </div>
        <div className="panel stat" style={{ gridColumn: "span 2" }}>
          <div className="label">Where the jobs are now</div>
          <div style={{ marginTop: 10 }}>
            <RedriveOutcomeView outcome={r.jobs} />
          </div>
          {!settled ? <div className="hint">Workers are still on it; this page refreshes by itself.</div> : null}
        </div>
      </section>
      {r.error ? <div className="banner bad">{r.error}</div> : null}
      <div className="panel">
        <div className="panel-head">
          <h2>Jobs</h2>
          <span className="muted small">failed again first{r.jobList.length >= 200 ? " · first 200" : ""}</span>
        </div>
        <table className="data" data-testid="redrive-jobs">
          <thead>
            <tr>
              <th>Job</th>
              <th>Tenant</th>
              <th>Kind</th>
              <th>Status now</th>
              <th className="num">Attempts</th>
              <th>Last error</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {r.jobList.length === 0 ? (
              <tr>
                <td colSpan={7} className="empty">
                  {r.jobs ? "The jobs are no longer in the queue table (completed and pruned)." : "This re-drive's jobs were not recorded one by one."}
                </td>
              </tr>
            ) : null}
            {r.jobList.map((j) => (
              <tr key={j.id}>
                <td className="mono">
                  <Link href={`/dead-letters/${j.tenantId}/${j.id}`}>#{j.id}</Link>
                </td>
                <td className="mono small">{j.tenantSlug}</td>
                <td className="small">
                  <JobKind kind={j.kind} eventType={j.eventType} />
                </td>
                <td>
                  <span className={`badge ${STATUS_BADGE[j.status] ?? ""}`}>
                    {j.status === "COMPLETED" ? "succeeded" : j.status.replace("_", " ").toLowerCase()}
                  </span>
                </td>
                <td className="num">{j.attempts}</td>
                <td>
                  <div className="error-text truncate">{j.status === "COMPLETED" ? "" : (j.lastError ?? "")}</div>
                </td>
                <td className="small nowrap">{formatDateTime(j.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
