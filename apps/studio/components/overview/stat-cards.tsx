import type { IngestionOverview } from "@real-estate/operator";
import Link from "next/link";
import { formatAge, formatNumber } from "@/lib/format";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Due now, oldest due job, dead letters with their trend, and the last hour's throughput. */
export function StatCards({ o }: { o: IngestionOverview }) {
  const dueAge = o.oldestDue?.ageSeconds ?? 0;
  const late = dueAge > o.thresholds.oldestDueWarnSeconds;
  return (
    <section className="grid grid-4" style={{ marginBottom: 16 }}>
      <div className="panel stat">
        <div className="label">Due now</div>
        <div className="value">{formatNumber(o.dueNow)}</div>
        <div className="hint">pending jobs whose time has come</div>
      </div>
      <div className={`panel stat${late ? " warn" : ""}`} data-testid="oldest-due">
        <div className="label">Oldest due job waiting</div>
        <div className="value">{o.oldestDue ? formatAge(dueAge) : "—"}</div>
        <div className="hint">warns above {formatAge(o.thresholds.oldestDueWarnSeconds)}</div>
      </div>
      <div className={`panel stat${o.deadLetters.newLastHour > 0 ? " bad" : ""}`}>
        <div className="label">Dead letters</div>
        <div className="value">
          <Link href="/dead-letters">{formatNumber(o.deadLetters.current)}</Link>
        </div>
        <div className="hint">
          +{o.deadLetters.newLastHour} last hour · +{o.deadLetters.newLastDay} last 24 h
        </div>
      </div>
      <div className="panel stat">
        <div className="label">Last hour</div>
        <div className="value">{formatNumber(sum(o.hour.processed))}</div>
        <div className="hint">
          processed · {formatNumber(sum(o.hour.failed))} failed{o.expiredLeases ? ` · ${o.expiredLeases} expired leases` : ""}
        </div>
      </div>
    </section>
  );
}
