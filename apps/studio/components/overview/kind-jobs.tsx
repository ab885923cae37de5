import type { IngestionOverview } from "@real-estate/operator";
import Link from "next/link";
import { formatNumber } from "@/lib/format";
import { JobKind } from "@/components/job-kind";

function age(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Jobs by status per kind (website events, e-mails, ...), with the age of each kind's oldest due job. */
export function KindJobs({ o }: { o: IngestionOverview }) {
  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>Jobs by kind</h2>
          <p>each kind has its own handler and retry policy in the worker</p>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="jobs-by-kind">
          <thead>
            <tr>
              <th>Kind</th>
              <th className="num">Pending</th>
              <th className="num">Processing</th>
              <th className="num">Completed</th>
              <th className="num">Dead</th>
              <th className="num">Oldest due</th>
            </tr>
          </thead>
          <tbody>
            {o.byKind.length === 0 ? (
              <tr>
                <td colSpan={6} className="empty">
                  No jobs yet.
                </td>
              </tr>
            ) : null}
            {o.byKind.map((k) => (
              <tr key={k.kind}>
                <td>
                  <JobKind kind={k.kind} />
                </td>
                <td className="num">{formatNumber(k.PENDING)}</td>
                <td className="num">{formatNumber(k.PROCESSING)}</td>
                <td className="num">{formatNumber(k.COMPLETED)}</td>
                <td className="num">
                  {k.DEAD_LETTERED ? <Link href={`/dead-letters?kind=${encodeURIComponent(k.kind)}`}>{formatNumber(k.DEAD_LETTERED)}</Link> : 0}
                </td>
                <td className="num">{age(k.oldestDueAgeSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
