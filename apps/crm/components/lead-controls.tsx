"use client";
import { useActionState } from "react";
import { updateLeadAction, type ActionState } from "@/app/actions/lead-actions";
import { STATUS_LABELS } from "./format";
import type { MemberOption } from "./bulk-bar";

/** Status pipeline (one click moves the lead) and the assigned agent. */
export function LeadControls(props: {
  leadId: string;
  version: number;
  status: string;
  statuses: readonly string[];
  assigneeId: string | null;
  members: MemberOption[];
}) {
  const [moveState, move, moving] = useActionState<ActionState, FormData>(updateLeadAction, {});
  const [state, action, pending] = useActionState<ActionState, FormData>(updateLeadAction, {});
  const current = props.statuses.indexOf(props.status);
  return (
    <div>
      <form action={move}>
        <input type="hidden" name="leadId" value={props.leadId} />
        <input type="hidden" name="version" value={props.version} />
        <div className="pipeline" role="group" aria-label="Status">
          {props.statuses.map((s, i) => (
            <button
              key={s}
              type="submit"
              name="status"
              value={s}
              disabled={moving}
              aria-pressed={s === props.status}
              className={i < current && s !== "LOST" ? "done" : undefined}
            >
              {STATUS_LABELS[s] ?? s}
            </button>
          ))}
        </div>
        {moveState.error && (
          <div role="alert" style={{ color: "var(--danger)", marginTop: 6 }}>
            {moveState.error}
          </div>
        )}
      </form>
      <form action={action} className="row" style={{ marginTop: 10 }}>
        <input type="hidden" name="leadId" value={props.leadId} />
        <input type="hidden" name="version" value={props.version} />
        <div>
          <label htmlFor="assignee">Assigned agent</label>
          <select id="assignee" name="assignee" defaultValue={props.assigneeId ?? "unassigned"} key={props.assigneeId ?? "none"}>
            <option value="unassigned">Nobody</option>
            {props.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <button className="btn" type="submit" disabled={pending}>
          Assign
        </button>
        {state.ok && (
          <span role="status" className="muted">
            {state.ok}
          </span>
        )}
        {state.error && (
          <span role="alert" style={{ color: "var(--danger)" }}>
            {state.error}
          </span>
        )}
      </form>
    </div>
  );
}
