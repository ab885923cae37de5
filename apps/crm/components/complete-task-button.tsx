"use client";
import { useActionState, useState } from "react";
import { completeTaskAction, type TaskActionState } from "@/app/actions/task-actions";
import { InlineOutcome } from "./form-result";

/**
 * "Done" on a task, with an optional line on what came of it; "Reopen" on a done one.
 *
 * An open task renders only its "Done…" button; the form with its server action is rendered once
 * the button is pressed. A list of open tasks (My day, the dashboard) is then plain buttons on the
 * server, not one encoded server-action form per task, which was a measurable share of rendering
 * those pages (bench/RESULTS.md). Without JavaScript nothing changes: "Done…" needed it before too.
 */
export function CompleteTaskButton({ taskId, done, title }: { taskId: string; done: boolean; title: string }) {
  const [open, setOpen] = useState(false);
  if (done) return <ReopenTaskForm taskId={taskId} />;
  if (open) return <CompleteTaskForm taskId={taskId} title={title} />;
  return (
    <button className="btn btn-sm" type="button" onClick={() => setOpen(true)} data-testid="task-done" aria-label={`Done: ${title}`}>
      Done…
    </button>
  );
}

/** What came of the task (optional) and "Mark done"; focus goes to the line when it opens. */
function CompleteTaskForm({ taskId, title }: { taskId: string; title: string }) {
  const [state, action, pending] = useActionState<TaskActionState, FormData>(completeTaskAction, {});
  return (
    <form action={action} style={{ display: "inline-flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
      <input type="hidden" name="taskId" value={taskId} />
      <input name="outcome" aria-label={`What came of “${title}”`} placeholder="What came of it? (optional)" maxLength={10000} autoFocus />
      <button className="btn btn-sm btn-primary" type="submit" disabled={pending} data-testid="task-done-confirm">
        {pending ? "Saving…" : "Mark done"}
      </button>
      <InlineOutcome state={state} />
    </form>
  );
}

function ReopenTaskForm({ taskId }: { taskId: string }) {
  const [state, action, pending] = useActionState<TaskActionState, FormData>(completeTaskAction, {});
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
