"use client";
import { useActionState, useState } from "react";
import { completeTaskAction, type TaskActionState } from "@/app/actions/task-actions";
import { InlineOutcome } from "./form-result";

/** "Done" on a task, with an optional line on what came of it; "Reopen" on a done one. */
export function CompleteTaskButton({ taskId, done, title }: { taskId: string; done: boolean; title: string }) {
  const [state, action, pending] = useActionState<TaskActionState, FormData>(completeTaskAction, {});
  const [open, setOpen] = useState(false);
  if (done) {
    return (
      <form action={action} style={{ display: "inline" }}>
        <input type="hidden" name="taskId" value={taskId} />
        <input type="hidden" name="done" value="false" />
        <button className="btn btn-sm" type="submit" disabled={pending}>
          Reopen
        </button>
        <InlineOutcome state={{ error: state.error }} errorStyle={{ marginLeft: 6 }} />
      </form>
    );
  }
  return (
    <form action={action} style={{ display: "inline-flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
      <input type="hidden" name="taskId" value={taskId} />
      {open && <input name="outcome" aria-label={`What came of “${title}”`} placeholder="What came of it? (optional)" maxLength={10000} autoFocus />}
      {/* Two keyed buttons, not one that changes type: React would otherwise reuse the clicked
          "Done…" element, turn it into the submit button while its click is still being handled,
          and the browser would then submit the form before anyone could say what came of it. */}
      {open ? (
        <button key="confirm" className="btn btn-sm btn-primary" type="submit" disabled={pending} data-testid="task-done-confirm">
          {pending ? "Saving…" : "Mark done"}
        </button>
      ) : (
        <button
          key="open"
          className="btn btn-sm"
          type="button"
          onClick={(e) => {
            e.preventDefault();
            setOpen(true);
          }}
          data-testid="task-done"
          aria-label={`Done: ${title}`}
        >
          Done…
        </button>
      )}
      <InlineOutcome state={state} />
    </form>
  );
}
