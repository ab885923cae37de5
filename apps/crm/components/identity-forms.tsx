"use client";
import { useActionState } from "react";
import { addIdentityAction, editIdentityAction, type IdentityState } from "@/app/actions/identity-actions";

function Outcome({ state }: { state: IdentityState }) {
  if (state.error)
    return (
      <div
        className={state.conflict ? "notice error" : undefined}
        role="alert"
        data-testid={state.conflict ? "identity-conflict" : "identity-error"}
        style={state.conflict ? { marginTop: 6 } : { color: "var(--danger)", fontSize: 12.5 }}
      >
        {state.error}
      </div>
    );
  if (state.done)
    return (
      <div role="status" className="faint" style={{ fontSize: 12.5 }}>
        {state.done}
      </div>
    );
  return null;
}

/** "Make primary" and "Remove" for one e-mail or phone, sent with the contact version the page showed. */
export function IdentityButtons({
  contactId,
  identityId,
  version,
  isPrimary,
  label,
}: {
  contactId: string;
  identityId: string;
  version: number;
  isPrimary: boolean;
  label: string;
}) {
  const [state, action, pending] = useActionState<IdentityState, FormData>(editIdentityAction, {});
  return (
    <form action={action} style={{ display: "inline" }}>
      <input type="hidden" name="contactId" value={contactId} />
      <input type="hidden" name="identityId" value={identityId} />
      <input type="hidden" name="version" value={version} />
      {!isPrimary && (
        <button
          className="btn"
          type="submit"
          name="op"
          value="primary"
          disabled={pending}
          aria-label={`Make primary: ${label}`}
          style={{ marginLeft: 6, padding: "1px 7px", fontSize: 12 }}
        >
          Make primary
        </button>
      )}
      <button
        className="btn"
        type="submit"
        name="op"
        value="remove"
        disabled={pending}
        aria-label={`Remove ${label}`}
        style={{ marginLeft: 6, padding: "1px 7px", fontSize: 12 }}
      >
        Remove
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** Adds another e-mail or phone to the contact. */
export function AddIdentityForm({ contactId, version }: { contactId: string; version: number }) {
  const [state, action, pending] = useActionState<IdentityState, FormData>(addIdentityAction, {});
  return (
    <form action={action} data-testid="add-identity" style={{ marginTop: 10 }}>
      <input type="hidden" name="contactId" value={contactId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="identity-value">Add an e-mail or phone</label>
      <div className="row">
        <select name="kind" aria-label="Kind" defaultValue="email">
          <option value="email">E-mail</option>
          <option value="phone">Phone</option>
        </select>
        <input id="identity-value" name="value" placeholder="address or number" />
        <button className="btn" type="submit" disabled={pending}>
          Add
        </button>
      </div>
      <Outcome state={state} />
    </form>
  );
}
