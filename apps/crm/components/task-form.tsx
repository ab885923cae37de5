"use client";
import { TASK_KINDS, TASK_KIND_LABELS } from "@real-estate/types";
import { createTaskAction, type TaskActionState } from "@/app/actions/task-actions";
import { InlineOutcome, useResettingAction } from "./form-result";

/** Adds a task (call, e-mail, text, showing, to-do) on a lead or a contact. */
export function TaskForm(props: {
  leadId?: string;
  contactId?: string;
  members: { id: string; name: string }[];
  defaultAssignee: string | null;
  defaultDue: string;
}) {
  const [state, action, pending, formRef] = useResettingAction<TaskActionState>(createTaskAction, {});
  return (
    <form ref={formRef} action={action} data-testid="task-form">
      {props.leadId && <input type="hidden" name="leadId" value={props.leadId} />}
      {props.contactId && <input type="hidden" name="contactId" value={props.contactId} />}
      <div className="row" style={{ marginBottom: 6, flexWrap: "wrap", gap: 6 }}>
        <select name="kind" aria-label="Kind of task" defaultValue="CALL" id="task-kind">
          {TASK_KINDS.map((k) => (
            <option key={k} value={k}>
              {TASK_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input
          name="title"
          id="task-title"
          aria-label="What to do"
          placeholder="What to do, e.g. Call back about the showing"
          required
          maxLength={200}
          style={{ flex: 1, minWidth: 200 }}
        />
      </div>
      <div className="row" style={{ marginBottom: 6, flexWrap: "wrap", gap: 6 }}>
        <label className="muted" htmlFor="task-due">
          Due
        </label>
        <input type="datetime-local" name="due" id="task-due" required defaultValue={props.defaultDue} />
        <label className="muted" htmlFor="task-assignee">
          for
        </label>
        <select name="assignee" id="task-assignee" defaultValue={props.defaultAssignee ?? "unassigned"}>
          <option value="unassigned">Nobody yet</option>
          {props.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <textarea name="notes" aria-label="Notes" placeholder="Notes (optional)" maxLength={10000} rows={2} />
      <div className="row" style={{ marginTop: 6 }}>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add task"}
        </button>
        <InlineOutcome state={state} />
      </div>
    </form>
  );
}
