import type { IngestionOverview } from "@real-estate/operator";
import { formatAge } from "@/lib/format";

/** A warning when the pipeline needs attention, else a short all-clear. */
export function HealthBanner({ o }: { o: IngestionOverview }) {
  if (o.warnings.length) {
    return (
      <div className="banner warn" role="alert" data-testid="health-warning">
        <span aria-hidden>⚠</span>
        <div>
          <strong>Attention needed</strong>
          <ul>
            {o.warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
        </div>
      </div>
    );
  }
  return (
    <div className="banner ok" data-testid="health-ok">
      <span aria-hidden>✓</span>
      <div>
        <strong>Pipeline healthy</strong>
        No job has waited past {formatAge(o.thresholds.oldestDueWarnSeconds)} and no dead letters arrived in the last hour.
      </div>
    </div>
  );
}
