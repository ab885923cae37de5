import { listRedrives } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { BadPageLink, OlderLink, readBefore } from "@/components/older-link";
import { PageHead } from "@/components/page-head";
import { describeRedriveFilter, RedriveOutcomeView, RunBadge } from "@/components/redrive-outcome";
import { formatDateTime } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Re-drives" };

export default async function RedrivesPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireOperatorPage();
  const before = readBefore((await searchParams).before);
  if (before === null) {
    return (
      <>
        <PageHead title="Re-drives" />
        <BadPageLink firstPage="/redrives" />
      </>
    );
  }
  const page = await listRedrives({ before, limit: 30 });
  return (
    <>
      <PageHead
        title="Re-drives"
        subtitle="Every re-drive from the studio and the CLI, and whether its jobs succeeded or failed again"
        actions={<AutoRefresh seconds={10} />}
      />
      <div className="panel">
        <table className="data" data-testid="redrives-table">
          <thead>
            <tr>
              <th>Started</th>
              <th>By</th>
              <th>Selection</th>
              <th>Run</th>
              <th className="num">Requeued</th>
              <th style={{ width: "32%" }}>Jobs now</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="empty">
                  No re-drives yet.
                </td>
              </tr>
            ) : null}
            {page.rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap small">
                  <Link href={`/redrives/${r.id}`}>{formatDateTime(r.startedAt)}</Link>
                </td>
                <td className="small">
                  {r.actor}
                  <div className="muted">{r.origin}</div>
                </td>
                <td className="small">{describeRedriveFilter(r.filter)}</td>
                <td>
                  <RunBadge outcome={r.outcome} />
                  {r.error ? (
                    <div className="error-text truncate" style={{ maxWidth: 220 }} title={r.error}>
                      {r.error}
                    </div>
                  ) : null}
                </td>
                <td className="num">
                  {r.requeued.toLocaleString("en-US")} / {r.matched.toLocaleString("en-US")}
                </td>
                <td>
                  <RedriveOutcomeView outcome={r.jobs} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <OlderLink href={page.nextCursor ? `?before=${page.nextCursor}` : null} />
      </div>
    </>
  );
}
