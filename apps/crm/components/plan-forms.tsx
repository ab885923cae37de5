"use client";
import { useActionState, useState } from "react";
import { TASK_KIND_LABELS, TASK_KINDS } from "@real-estate/types";
import { archivePlanAction, createPlanAction, resumePlanAction, startPlanAction, stopPlanAction, type PlanState } from "@/app/actions/plan-actions";

function Notice({ state }: { state: PlanState }) {
  if (state.error)
    return (
      <div className="notice error" role="alert">
        {state.error}
      </div>
    );
  if (state.ok)
    return (
      <div className="notice ok" role="status">
        {state.ok}
      </div>
    );
  return null;
}

function StepRow({ index }: { index: number }) {
  const [what, setWhat] = useState<string>(index === 1 ? "EMAIL" : "CALL");
  const id = (f: string) => `step${index}-${f}`;
  return (
    <fieldset className="row" style={{ border: 0, padding: 0, margin: "0 0 8px", alignItems: "flex-end" }} data-testid={`plan-step-${index}`}>
      <legend className="visually-hidden">Step {index + 1}</legend>
      <div>
        <label htmlFor={id("what")}>Step {index + 1}</label>
        <select id={id("what")} name={`step${index}.what`} value={what} onChange={(e) => setWhat(e.target.value)}>
          {TASK_KINDS.map((k) => (
            <option key={k} value={k}>
              Task: {TASK_KIND_LABELS[k]}
            </option>
          ))}
          <option value="EMAIL">E-mail to the lead</option>
        </select>
      </div>
      <div style={{ flex: "1 1 200px" }}>
        <label htmlFor={id("title")}>Title</label>
        <input id={id("title")} name={`step${index}.title`} maxLength={200} style={{ width: "100%" }} placeholder={index === 0 ? "e.g. Call to welcome" : ""} />
      </div>
      <div>
        <label htmlFor={id("days")}>After days</label>
        <input id={id("days")} name={`step${index}.days`} type="number" min={0} max={365} style={{ width: 70 }} placeholder="0" />
      </div>
      <div>
        <label htmlFor={id("hours")}>and hours</label>
        <input id={id("hours")} name={`step${index}.hours`} type="number" min={0} max={23} style={{ width: 70 }} placeholder="0" />
      </div>
      {what === "EMAIL" && (
        <>
          <div style={{ flex: "1 1 200px" }}>
            <label htmlFor={id("subject")}>Subject</label>
            <input id={id("subject")} name={`step${index}.subject`} maxLength={200} style={{ width: "100%" }} />
          </div>
          <div style={{ flex: "1 1 100%" }}>
            <label htmlFor={id("body")}>Message</label>
            <textarea id={id("body")} name={`step${index}.body`} maxLength={10_000} rows={3} style={{ width: "100%" }} />
          </div>
        </>
      )}
    </fieldset>
  );
}

/** The owner's form for a new action plan: up to `rows` steps, blank ones ignored. */
export function ActionPlanForm({ rows }: { rows: number }) {
  const [state, action, pending] = useActionState<PlanState, FormData>(createPlanAction, {});
  return (
    <form action={action} data-testid="plan-form">
      <Notice state={state} />
      <div className="row">
        <div style={{ flex: "1 1 240px" }}>
          <label htmlFor="plan-name">Plan name</label>
          <input id="plan-name" name="name" required maxLength={120} style={{ width: "100%" }} placeholder="e.g. New buyer lead" />
        </div>
        <div style={{ flex: "2 1 300px" }}>
          <label htmlFor="plan-description">Description (optional)</label>
          <input id="plan-description" name="description" maxLength={2000} style={{ width: "100%" }} />
        </div>
      </div>
      <p className="muted">Each step runs at its offset from the moment the plan starts on a lead. Tasks go to the lead&apos;s agent.</p>
      {Array.from({ length: rows }, (_, i) => (
        <StepRow key={i} index={i} />
      ))}
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add plan"}
      </button>
    </form>
  );
}

export function ArchivePlanButton({ planId, name, archived }: { planId: string; name: string; archived: boolean }) {
  return (
    <form
      action={archivePlanAction}
      onSubmit={(e) => {
        if (!archived && !confirm(`Archive the plan “${name}”? It starts on no new lead; leads already on it continue.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button className={`btn btn-sm${archived ? "" : " btn-danger"}`} type="submit">
        {archived ? "Restore" : "Archive"}
      </button>
    </form>
  );
}

/** On a lead's page: start one of the brokerage's plans. */
export function StartPlanForm({ leadId, plans }: { leadId: string; plans: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<PlanState, FormData>(startPlanAction, {});
  if (!plans.length) return <p className="muted">No action plans yet: an owner adds them under Action plans.</p>;
  return (
    <form action={action} className="row" style={{ alignItems: "flex-end" }} data-testid="start-plan-form">
      <input type="hidden" name="leadId" value={leadId} />
      <div>
        <label htmlFor="start-plan">Start a plan</label>
        <select id="start-plan" name="planId" required defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button className="btn" type="submit" disabled={pending}>
        Start
      </button>
      <div style={{ flex: "1 1 100%" }}>
        <Notice state={state} />
      </div>
    </form>
  );
}

/** Resumes a paused plan: no confirmation, nothing is lost (the open steps move on by the pause). */
export function ResumePlanButton({ leadId, leadPlanId }: { leadId: string; leadPlanId: string }) {
  return (
    <form action={resumePlanAction}>
      <input type="hidden" name="leadId" value={leadId} />
      <input type="hidden" name="leadPlanId" value={leadPlanId} />
      <button className="btn btn-sm" type="submit">
        Resume plan
      </button>
    </form>
  );
}

export function StopPlanButton({ leadId, leadPlanId, name }: { leadId: string; leadPlanId: string; name: string }) {
  return (
    <form
      action={stopPlanAction}
      onSubmit={(e) => {
        if (!confirm(`Stop the plan “${name}” on this lead? Its open steps are cancelled.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="leadId" value={leadId} />
      <input type="hidden" name="leadPlanId" value={leadPlanId} />
      <button className="btn btn-sm btn-danger" type="submit">
        Stop plan
      </button>
    </form>
  );
}
