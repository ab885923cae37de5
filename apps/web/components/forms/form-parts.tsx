import { CONTACT_CONSENT_TEXT } from "@/lib/forms/consent";

type FieldProps = {
  id: string;
  name: string;
  label: string;
  error?: string;
  optional?: boolean;
  hint?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

/** A labelled input whose error is tied to it (aria-invalid, aria-describedby). */
export function Field({ id, name, label, error, optional, hint, type = "text", ...input }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> (optional)</span> : null}
      </label>
      <input id={id} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Hidden fields every website form carries: bot traps, idempotency key, where it was sent from. */
export function HiddenFormFields({ renderedAt }: { renderedAt: number }) {
  return (
    <>
      <div className="hp-field" aria-hidden="true">
        <label htmlFor="website-hp">Leave this field empty</label>
        <input id="website-hp" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <input type="hidden" name="startedAt" defaultValue={String(renderedAt)} />
      <input type="hidden" name="eventId" defaultValue="" />
      <input type="hidden" name="pageUrl" defaultValue="" />
      <input type="hidden" name="referrer" defaultValue="" />
    </>
  );
}

export function ConsentCheckbox({ id }: { id: string }) {
  return (
    <div className="check">
      <input id={id} name="consent" type="checkbox" value="on" />
      <label htmlFor={id}>{CONTACT_CONSENT_TEXT}</label>
    </div>
  );
}

/** Announces the form's overall state to screen readers and shows it to everyone. */
export function FormStatus({ message, kind }: { message: string | null; kind: "error" | "info" }) {
  return (
    <div aria-live="assertive" role="alert" className={message ? `alert ${kind === "error" ? "alert-error" : "alert-info"}` : undefined}>
      {message}
    </div>
  );
}
