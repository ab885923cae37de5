import { getIngestionJob, StudioNotFoundError } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/page-head";
import { PayloadViewer } from "@/components/payload-viewer";
import { RedriveButton } from "@/components/redrive-button";
import { formatDateTime } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";
import { describeJob } from "@real-estate/types";

export const metadata: Metadata = { title: "Dead letter" };

const STATUS_BADGE: Record<string, string> = { DEAD_LETTERED: "bad", COMPLETED: "ok", PENDING: "info", PROCESSING: "info" };

export default async function DeadLetterPage({ params }: { params: Promise<{ tenantId: string; jobId: string }> }) {
  await requireOperatorPage();
  const { tenantId, jobId } = await params;
  const job = await getIngestionJob({ tenantId, jobId }).catch((error: unknown) => {
    if (error instanceof StudioNotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHead
        crumbs={[{ href: "/dead-letters", label: "Dead letters" }]}
        title={
          <span className="row" style={{ gap: 10 }}>
            Job #{job.id} <span className={`badge ${STATUS_BADGE[job.status] ?? ""}`}>{job.status.replace("_", " ").toLowerCase()}</span>
          </span>
        }
        subtitle={
          <>
            {describeJob(job)} (<span className="mono">{job.eventType !== job.kind ? `${job.kind} · ${job.eventType}` : job.kind}</span>) for{" "}
            <Link href={`/tenants/${job.tenantId}`}>{job.tenant.name}</Link>
          </>
        }
        actions={
          job.status === "DEAD_LETTERED" ? <RedriveButton target={{ kind: "ids", ids: [job.id], label: `job #${job.id}` }} label="Re-drive this job" /> : null
        }
      />
      <div className="grid" style={{ gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.3fr)", alignItems: "start" }}>
        <div className="stack">
          <div className="panel">
            <div className="panel-head">
              <h2>Attempts</h2>
            </div>
            <div className="panel-body">
              <dl className="kv">
                <dt>{job.kind === "website-event" ? "Event id" : "Key"}</dt>
                <dd className="mono">{job.eventId}</dd>
                <dt>Attempts</dt>
                <dd>
                  {job.attempts} of {job.maxAttempts}
                </dd>
                <dt>First attempt</dt>
                <dd>{formatDateTime(job.firstAttemptAt)}</dd>
                <dt>Last attempt</dt>
                <dd>{formatDateTime(job.lastAttemptAt)}</dd>
                <dt>Dead-lettered</dt>
                <dd>{formatDateTime(job.deadLetteredAt)}</dd>
                <dt>Completed</dt>
                <dd>{formatDateTime(job.completedAt)}</dd>
                <dt>Next attempt</dt>
                <dd>{job.status === "PENDING" ? formatDateTime(job.nextAttemptAt) : "—"}</dd>
                <dt>Re-driven</dt>
                <dd>{job.redriveCount} times</dd>
                <dt>Queued</dt>
                <dd>{formatDateTime(job.createdAt)}</dd>
              </dl>
            </div>
          </div>
          <div className="panel">
            <div className="panel-head">
              <h2>Last error</h2>
              {job.lastErrorClass ? <span className={`badge ${job.lastErrorClass === "permanent" ? "bad" : "warn"}`}>{job.lastErrorClass}</span> : null}
            </div>
            <div className="panel-body stack" style={{ gap: 10 }}>
              <div className="error-text" data-testid="last-error">
                {job.lastError ?? "—"}
              </div>
              {job.lastErrorStack ? (
                <details>
                  <summary className="small muted">Stack</summary>
                  <pre className="json">{job.lastErrorStack}</pre>
                </details>
              ) : null}
            </div>
          </div>
        </div>
        <PayloadViewer masked={job.maskedPayload} revealUrl={`/api/dead-letters/${job.tenantId}/${job.id}/reveal`} />
      </div>
    </>
  );
}
