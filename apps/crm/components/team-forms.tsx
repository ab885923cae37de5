"use client";
import { useActionState } from "react";
import { changeRoleAction, createApiKeyAction, inviteAction, removeMemberAction, type TeamState } from "@/app/actions/team-actions";

function Result({ state }: { state: TeamState }) {
  return (
    <>
      {state.error && <div className="notice error" role="alert">{state.error}</div>}
      {state.ok && (
        <div className="notice ok" role="status">
          {state.ok}
          {state.link && <code className="secret" data-testid="invitation-link">{state.link}</code>}
          {state.key && <code className="secret" data-testid="api-key-secret">{state.key}</code>}
        </div>
      )}
    </>
  );
}

export function InviteForm() {
  const [state, action, pending] = useActionState<TeamState, FormData>(inviteAction, {});
  return (
    <form action={action}>
      <Result state={state} />
      <div className="row">
        <div style={{ flex: "1 1 220px" }}>
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" required style={{ width: "100%" }} />
        </div>
        <div>
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="AGENT">
            <option value="AGENT">Agent</option>
            <option value="OWNER">Owner</option>
          </select>
        </div>
        <button className="btn btn-primary" type="submit" disabled={pending}>Create invitation link</button>
      </div>
    </form>
  );
}

export function MemberRowControls({ membershipId, role, isSelf }: { membershipId: string; role: string; isSelf: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState<TeamState, FormData>(changeRoleAction, {});
  const [removeState, removeAction, removePending] = useActionState<TeamState, FormData>(removeMemberAction, {});
  const message = roleState.error ?? removeState.error ?? roleState.ok;
  return (
    <div className="row" style={{ alignItems: "center" }}>
      <form action={roleAction} className="row" style={{ alignItems: "center" }}>
        <input type="hidden" name="membershipId" value={membershipId} />
        <select name="role" defaultValue={role} aria-label="Role">
          <option value="AGENT">Agent</option>
          <option value="OWNER">Owner</option>
        </select>
        <button className="btn btn-sm" type="submit" disabled={rolePending}>Change role</button>
      </form>
      <form action={removeAction} onSubmit={(e) => { if (!confirm(isSelf ? "Remove yourself from this brokerage?" : "Remove this member?")) e.preventDefault(); }}>
        <input type="hidden" name="membershipId" value={membershipId} />
        <button className="btn btn-sm btn-danger" type="submit" disabled={removePending}>Remove</button>
      </form>
      {message && <span className="muted" role="status" style={{ fontSize: 12.5 }}>{message}</span>}
    </div>
  );
}

export function ApiKeyForm() {
  const [state, action, pending] = useActionState<TeamState, FormData>(createApiKeyAction, {});
  return (
    <form action={action}>
      <Result state={state} />
      <div className="row">
        <div style={{ flex: "1 1 260px" }}>
          <label htmlFor="key-name">Name (what will use it?)</label>
          <input id="key-name" name="name" type="text" required maxLength={80} style={{ width: "100%" }} placeholder="e.g. Zapier, website import" />
        </div>
        <button className="btn btn-primary" type="submit" disabled={pending}>Create key</button>
      </div>
    </form>
  );
}
