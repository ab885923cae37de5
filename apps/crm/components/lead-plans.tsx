import type { LeadPlanRow } from "@real-estate/crm";
import { TASK_KIND_LABELS } from "@real-estate/types";
import { formatDateTime } from "./format";
import { ResumePlanButton, StartPlanForm, StopPlanButton } from "./plan-forms";

const STEP_STATUS: Record<string, string> = { PENDING: "to do", DONE: "done", SKIPPED: "skipped", CANCELLED: "cancelled" };
const RUN_STATUS: Record<string, string> = { ACTIVE: "running", PAUSED: "paused", STOPPED: "stopped", COMPLETED: "finished" };

/** A lead's action plans: each run's progress ("2 of 4 steps done"), its next step and every step's state. */
export function LeadPlans({ leadId, runs, plans, timeZone }: { leadId: string; runs: LeadPlanRow[]; plans: { id: string; name: string }[]; timeZone: string }) {
  return (
    <section className="panel" data-testid="lead-plans">
      <h2>Action plans</h2>
      {runs.length === 0 && <p className="muted">No plan on this lead.</p>}
      {runs.map((run) => {
        const ran = run.steps.filter((s) => s.status !== "PENDING").length;
        const next = run.status === "ACTIVE" ? run.steps.find((s) => s.status === "PENDING") : undefined;
        return (
          <div key={run.id} style={{ marginBottom: 12 }} data-testid="lead-plan">
            <div className="row" style={{ alignItems: "center", justifyContent: "space-between" }}>
              <div>
                <strong>{run.planName}</strong> <span className="muted">— {RUN_STATUS[run.status]}</span>
                <div className="muted" data-testid="lead-plan-progress">
                  {ran} of {run.steps.length} steps run
                  {next ? `; next: ${next.title}, ${formatDateTime(next.dueAt, timeZone)}` : ""}
                  {run.status === "PAUSED" && run.pausedReason ? `; paused: ${run.pausedReason}` : ""}
                  {run.stoppedReason ? `; ${run.stoppedReason}` : ""}
                </div>
              </div>
              <div className="row" style={{ gap: 6 }}>
                {run.status === "PAUSED" && <ResumePlanButton leadId={leadId} leadPlanId={run.id} />}
                {(run.status === "ACTIVE" || run.status === "PAUSED") && <StopPlanButton leadId={leadId} leadPlanId={run.id} name={run.planName} />}
              </div>
            </div>
            <ol style={{ margin: "6px 0 0", paddingLeft: 18 }}>
              {run.steps.map((s) => (
                <li key={s.id} className={s.status === "PENDING" ? undefined : "muted"}>
                  {s.kind === "EMAIL" ? "E-mail" : TASK_KIND_LABELS[s.taskKind ?? "OTHER"]}: {s.title} — {formatDateTime(s.dueAt, timeZone)} (
                  {STEP_STATUS[s.status]}
                  {s.note ? `: ${s.note}` : ""})
                </li>
              ))}
            </ol>
          </div>
        );
      })}
      <StartPlanForm leadId={leadId} plans={plans} />
    </section>
  );
}
