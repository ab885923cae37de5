"use client";
import Link from "next/link";
import { useActionState } from "react";
import { createContactAction, updateContactAction, type ContactFormState } from "@/app/actions/contact-actions";

type Values = { firstName?: string | null; lastName?: string | null; email?: string | null; phone?: string | null; notes?: string | null };

function Field({
  name,
  label,
  type = "text",
  state,
  initial,
}: {
  name: keyof Values;
  label: string;
  type?: string;
  state: ContactFormState;
  initial?: Values;
}) {
  const error = state.fields?.[name];
  return (
    <div className="field">
      <label htmlFor={`c-${name}`}>{label}</label>
      <input id={`c-${name}`} name={name} type={type} defaultValue={state.values?.[name] ?? initial?.[name] ?? ""} aria-invalid={Boolean(error)} />
      {error && <div style={{ color: "var(--danger)", fontSize: 12.5 }}>{error}</div>}
    </div>
  );
}

/** Create (with duplicate offer) or edit a contact. */
export function ContactForm(props: {
  mode: "create" | "edit";
  contactId?: string;
  /** What the fields show at first. */
  initial?: Values;
  /** The contact's version and stored values when the form was opened (edit only). */
  base?: { version: number; values: Record<string, string | null> };
}) {
  const { mode, contactId, initial, base } = props;
  const [state, action, pending] = useActionState<ContactFormState, FormData>(mode === "create" ? createContactAction : updateContactAction, {});
  return (
    <form action={action} className="panel" style={{ maxWidth: 640 }} key={JSON.stringify(state.values ?? {})} data-testid="contact-form">
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      {state.duplicate && (
        <div className="notice" role="alert" data-testid="duplicate-offer">
          <strong>{state.duplicate.name}</strong> already has the {state.duplicate.matchedOn} {state.duplicate.detail}.{" "}
          {mode === "create" ? "Nothing was created." : "Not saved."} <Link href={`/contacts/${state.duplicate.id}`}>Open the existing contact →</Link>
        </div>
      )}
      {state.conflict && (
        <div className="notice" role="alert" data-testid="edit-conflict">
          <strong>Changed by someone else:</strong>
          <ul>
            {state.conflict.changes.map((c) => (
              <li key={c.field}>
                {c.field}: now “{c.now}”
              </li>
            ))}
          </ul>
        </div>
      )}
      {contactId && <input type="hidden" name="contactId" value={contactId} />}
      {/* The version this form edits: a save over a newer version is refused and shown here. */}
      {base && <input type="hidden" name="version" value={state.conflict?.version ?? base.version} />}
      {base && <input type="hidden" name="base" value={JSON.stringify(base.values)} />}
      <div className="grid grid-2" style={{ gap: "0 12px" }}>
        <Field name="firstName" label="First name" state={state} initial={initial} />
        <Field name="lastName" label="Last name" state={state} initial={initial} />
        <Field name="email" label="Email" type="email" state={state} initial={initial} />
        <Field name="phone" label="Phone" type="tel" state={state} initial={initial} />
      </div>
      <div className="field">
        <label htmlFor="c-notes">Notes about this person</label>
        <textarea id="c-notes" name="notes" defaultValue={state.values?.notes ?? initial?.notes ?? ""} />
      </div>
      {mode === "create" && (
        <>
          <div className="field">
            <label style={{ display: "flex", gap: 6, alignItems: "center", color: "var(--text)" }}>
              <input type="checkbox" name="openLead" defaultChecked /> Also open a lead for them
            </label>
          </div>
          <div className="field">
            <label htmlFor="c-message">What are they looking for? (goes on the lead)</label>
            <textarea id="c-message" name="message" defaultValue={state.values?.message ?? ""} />
          </div>
        </>
      )}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {mode === "create" ? "Create contact" : "Save changes"}
        </button>
        <Link className="btn" href={contactId ? `/contacts/${contactId}` : "/contacts"}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
