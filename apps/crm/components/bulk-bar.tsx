"use client";
import { useActionState } from "react";
import { bulkLeadsAction, type ActionState } from "@/app/actions/lead-actions";
import { STATUS_LABELS } from "./format";

export type MemberOption = { id: string; name: string };

/** The form the table's row checkboxes belong to (form="bulk"): bulk status change and bulk assignment. */
export function BulkBar({ statuses, members }: { statuses: readonly string[]; members: MemberOption[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(bulkLeadsAction, {});
  return (
    <form id="bulk" action={action} className="bulkbar">
      <span className="muted">With selected:</span>
      <select name="status" aria-label="New status" defaultValue="">
        <option value="">Status…</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s] ?? s}
          </option>
        ))}
      </select>
      <button className="btn btn-sm" type="submit" name="op" value="status" disabled={pending}>
        Set status
      </button>
      <select name="assignee" aria-label="Assign to" defaultValue="">
        <option value="">Assign to…</option>
        <option value="unassigned">Nobody (unassign)</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button className="btn btn-sm" type="submit" name="op" value="assign" disabled={pending}>
        Assign
      </button>
      {state.ok && (
        <span role="status" style={{ color: "var(--ok)" }}>
          {state.ok}
        </span>
      )}
      {state.error && (
        <span role="alert" style={{ color: "var(--danger)" }}>
          {state.error}
        </span>
      )}
    </form>
  );
}
