"use client";
import { InlineOutcome, useResettingAction } from "./form-result";
import { logActivityAction, type ActionState } from "@/app/actions/lead-actions";

const TYPES = [
  { value: "NOTE", label: "Note" },
  { value: "CALL", label: "Call" },
  { value: "MEETING", label: "Meeting" },
  { value: "EMAIL", label: "Email" },
];

/** Add a note, or log a call/meeting/email, on a lead or a contact. */
export function ActivityForm({ leadId, contactId }: { leadId?: string; contactId?: string }) {
  const [state, action, pending, formRef] = useResettingAction<ActionState>(logActivityAction, {});
  return (
    <form ref={formRef} action={action}>
      {leadId && <input type="hidden" name="leadId" value={leadId} />}
      {contactId && <input type="hidden" name="contactId" value={contactId} />}
      <div className="row" style={{ marginBottom: 6 }}>
        <select name="type" aria-label="Activity type" defaultValue="NOTE">
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <span className="faint" style={{ fontSize: 12 }}>
          Calls, meetings and emails count as contact made.
        </span>
      </div>
      <textarea name="body" aria-label="Details" placeholder="What happened? What's next?" maxLength={10000} />
      <div className="row" style={{ marginTop: 6 }}>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <InlineOutcome state={state} />
      </div>
    </form>
  );
}
