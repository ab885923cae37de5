"use client";
import { ConsentCheckbox, Field, FormStatus, HiddenFormFields } from "./form-parts";
import { useWebsiteForm } from "./use-website-form";

type Props = {
  /** Set for an inquiry about a listing. */
  listingKey?: string;
  idPrefix: string;
  renderedAt: number;
  submitLabel?: string;
  defaultMessage?: string;
};

/** Contact / listing inquiry form: POST /api/lead (JSON with JavaScript, a plain form post without). */
export function LeadForm({ listingKey, idPrefix, renderedAt, submitLabel = "Send message", defaultMessage = "" }: Props) {
  const { state, formRef, onSubmit, fieldError } = useWebsiteForm<{ eventId: string }>("/api/lead");
  if (state.status === "done") {
    return (
      <div className="alert alert-success" role="status" aria-live="polite" tabIndex={-1} ref={(el) => el?.focus()} data-testid="lead-confirmation">
        <h3>Thank you, your message is on its way</h3>
        <p>An agent will get back to you shortly, usually within one business day.</p>
      </div>
    );
  }
  const invalidCount = state.status === "invalid" ? Object.keys(state.fields).length : 0;
  const message =
    state.status === "failed"
      ? state.message
      : invalidCount
        ? `Please correct ${invalidCount === 1 ? "the field" : `the ${invalidCount} fields`} marked below.`
        : null;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form ref={formRef} method="post" action="/api/lead" onSubmit={onSubmit} noValidate={state.status === "invalid"} aria-describedby={id("status")}>
      <div id={id("status")}>
        <FormStatus message={message} kind="error" />
      </div>
      <HiddenFormFields renderedAt={renderedAt} />
      {listingKey ? <input type="hidden" name="listingKey" value={listingKey} /> : null}
      <Field id={id("name")} name="name" label="Full name" autoComplete="name" required maxLength={120} error={fieldError("name")} />
      <div className="form-row">
        <Field id={id("email")} name="email" label="Email" type="email" autoComplete="email" maxLength={254} error={fieldError("email")} />
        <Field id={id("phone")} name="phone" label="Phone" type="tel" autoComplete="tel" optional maxLength={32} error={fieldError("phone")} />
      </div>
      <div className="field">
        <label htmlFor={id("message")}>
          Message<span className="optional"> (optional)</span>
        </label>
        <textarea id={id("message")} name="message" maxLength={5000} defaultValue={defaultMessage} aria-invalid={fieldError("message") ? true : undefined} />
        {fieldError("message") ? <span className="field-error">{fieldError("message")}</span> : null}
      </div>
      <ConsentCheckbox id={id("consent")} />
      <button className="btn btn-primary btn-block" type="submit" disabled={state.status === "sending"}>
        {state.status === "sending" ? "Sending…" : submitLabel}
      </button>
      <p className="small muted" style={{ marginTop: 10, marginBottom: 0 }}>
        Please give an email address or a phone number so we can reply.
      </p>
    </form>
  );
}
