"use client";
import { useActionState } from "react";
import { mergeContactAction, undoMergeAction, type MergeState } from "@/app/actions/merge-actions";

/** Owners merge a duplicate into this contact by its e-mail or phone. */
export function MergeContactForm({ contactId }: { contactId: string }) {
  const [state, action, pending] = useActionState<MergeState, FormData>(mergeContactAction, {});
  return (
    <form action={action} data-testid="merge-form">
      <input type="hidden" name="contactId" value={contactId} />
      <label htmlFor="merge-other">Merge a duplicate into this contact</label>
      <div className="row">
        <input id="merge-other" name="other" placeholder="their e-mail or phone" />
        <button className="btn" type="submit" disabled={pending}>
          Merge
        </button>
      </div>
      <p className="faint" style={{ fontSize: 12.5 }}>
        Their leads, timeline, e-mails and phones move here. You can undo it from the timeline.
      </p>
      {state.error && (
        <div role="alert" style={{ color: "var(--danger)" }}>
          {state.error}
        </div>
      )}
    </form>
  );
}

/** The undo button on a merge's timeline entry. */
export function UndoMergeButton({ auditLogId }: { auditLogId: string }) {
  const [state, action, pending] = useActionState<MergeState, FormData>(undoMergeAction, {});
  return (
    <form action={action} style={{ display: "inline" }}>
      <input type="hidden" name="auditLogId" value={auditLogId} />
      <button className="btn" type="submit" disabled={pending}>
        Undo merge
      </button>
      {state.error && (
        <span role="alert" style={{ color: "var(--danger)", marginLeft: 6 }}>
          {state.error}
        </span>
      )}
    </form>
  );
}
