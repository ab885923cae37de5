"use client";
import { useActionState } from "react";
import { NoticeOutcome } from "./form-result";
import { changeRoleAction, createApiKeyAction, inviteAction, removeMemberAction, updateApiKeyLimitAction, type TeamState } from "@/app/actions/team-actions";

function Result({ state }: { state: TeamState }) {
  return (
    <NoticeOutcome
      state={state}
      secrets={[
        { value: state.link, testId: "invitation-link" },
        { value: state.key, testId: "api-key-secret" },
      ]}
    />
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
        <button className="btn btn-primary" type="submit" disabled={pending}>
          Send invitation
        </button>
      </div>
    </form>
  );
}

/** Role and removal controls for one member; nobody is offered "Remove" on themself. */
export function MemberRowControls({ membershipId, name, role, isSelf }: { membershipId: string; name: string; role: string; isSelf: boolean }) {
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
        <button className="btn btn-sm" type="submit" disabled={rolePending}>
          Change role
        </button>
      </form>
      {!isSelf && (
        <form
          action={removeAction}
          onSubmit={(e) => {
            if (!confirm(`Remove ${name} from this brokerage? Their leads become unassigned.`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="membershipId" value={membershipId} />
          <button className="btn btn-sm btn-danger" type="submit" disabled={removePending}>
            Remove
          </button>
        </form>
      )}
      {message && (
        <span className="muted" role="status" style={{ fontSize: 12.5 }}>
          {message}
        </span>
      )}
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
        <div>
          <label htmlFor="key-access">Access</label>
          <select id="key-access" name="access" defaultValue="read-write">
            <option value="read-write">Read and write</option>
            <option value="read">Read only</option>
            <option value="write">Write only</option>
          </select>
        </div>
        <div>
          <label htmlFor="key-rate">Requests per minute</label>
          <input id="key-rate" name="rateLimitPerMinute" type="number" min={1} max={100000} defaultValue={600} style={{ width: 110 }} />
        </div>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          Create key
        </button>
      </div>
    </form>
  );
}

/** A key's requests per minute, changed in place (the key's next request is counted against it). */
export function ApiKeyLimitForm({ apiKeyId, name, rateLimitPerMinute }: { apiKeyId: string; name: string; rateLimitPerMinute: number }) {
  const [state, action, pending] = useActionState<TeamState, FormData>(updateApiKeyLimitAction, {});
  const id = `key-limit-${apiKeyId}`;
  return (
    <form action={action}>
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <label htmlFor={id} className="visually-hidden">
        Requests per minute for {name}
      </label>
      <input id={id} name="rateLimitPerMinute" type="number" min={1} max={100000} defaultValue={rateLimitPerMinute} style={{ width: 100 }} />{" "}
      <button className="btn" type="submit" disabled={pending} aria-label={`Save the limit of ${name}`}>
        Save
      </button>
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      {state.ok && (
        <span className="faint" role="status">
          {" "}
          {state.ok}
        </span>
      )}
    </form>
  );
}
