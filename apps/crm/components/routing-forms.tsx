"use client";
import { useActionState, useState } from "react";
import { LEAD_SOURCE_LABELS, LEAD_SOURCES, ROUTING_TARGET_KINDS, ROUTING_TARGET_LABELS } from "@real-estate/types";
import { createRoutingRuleAction, deleteRoutingRuleAction, type RoutingState } from "@/app/actions/routing-actions";

type Member = { id: string; name: string; away: boolean };

/** The owner's form for a new routing rule; conditions left empty match every lead. */
export function RoutingRuleForm({ members, plans = [] }: { members: Member[]; plans?: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<RoutingState, FormData>(createRoutingRuleAction, {});
  const [kind, setKind] = useState<string>("ROUND_ROBIN");
  return (
    <form action={action} data-testid="routing-rule-form">
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      {state.ok && (
        <div className="notice ok" role="status">
          {state.ok}
        </div>
      )}
      <div className="row">
        <div style={{ flex: "1 1 240px" }}>
          <label htmlFor="rule-name">Rule name</label>
          <input id="rule-name" name="name" required maxLength={80} style={{ width: "100%" }} placeholder="e.g. Greenwich buyers" />
        </div>
        <div>
          <label htmlFor="rule-target">Send leads to</label>
          <select id="rule-target" name="targetKind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {ROUTING_TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {ROUTING_TARGET_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {kind === "AGENT" && (
          <div>
            <label htmlFor="rule-agent">Agent</label>
            <select id="rule-agent" name="targetMembershipId" required>
              <option value="">Choose…</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind !== "POND" && (
          <div>
            <label htmlFor="rule-reroute">Re-route if not contacted within (minutes)</label>
            <input id="rule-reroute" name="rerouteAfterMinutes" type="number" min={1} max={10080} style={{ width: 120 }} placeholder="never" />
          </div>
        )}
        <div>
          <label htmlFor="rule-plan">Then start the action plan</label>
          <select id="rule-plan" name="actionPlanId" defaultValue="">
            <option value="">None</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {kind === "ROUND_ROBIN" && (
        <fieldset className="panel" style={{ marginTop: 10 }}>
          <legend>Round-robin members (away members are skipped)</legend>
          <div className="row">
            {members.map((m) => (
              <label key={m.id} style={{ display: "inline-flex", gap: 6, alignItems: "center" }}>
                <input type="checkbox" name="memberIds" value={m.id} /> {m.name}
                {m.away && <span className="faint"> (away)</span>}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <details style={{ marginTop: 10 }}>
        <summary>Conditions (leave empty to match every lead)</summary>
        <fieldset className="panel" style={{ marginTop: 8 }}>
          <legend>Lead source</legend>
          <div className="row">
            {LEAD_SOURCES.map((s) => (
              <label key={s} style={{ display: "inline-flex", gap: 6, alignItems: "center" }}>
                <input type="checkbox" name="sources" value={s} /> {LEAD_SOURCE_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row" style={{ marginTop: 8 }}>
          <div>
            <label htmlFor="rule-towns">Towns of the listing (comma separated)</label>
            <input id="rule-towns" name="towns" placeholder="greenwich, old greenwich" />
          </div>
          <div>
            <label htmlFor="rule-min">Lowest price ($)</label>
            <input id="rule-min" name="minPrice" inputMode="numeric" style={{ width: 130 }} />
          </div>
          <div>
            <label htmlFor="rule-max">Highest price ($)</label>
            <input id="rule-max" name="maxPrice" inputMode="numeric" style={{ width: 130 }} />
          </div>
          <div>
            <label htmlFor="rule-office">Listing office</label>
            <input id="rule-office" name="listingOffice" maxLength={120} />
          </div>
          <div>
            <label htmlFor="rule-listing-agent">Listing agent</label>
            <input id="rule-listing-agent" name="listingAgent" maxLength={120} />
          </div>
          <div>
            <label htmlFor="rule-from">Arrives from (local time)</label>
            <input id="rule-from" name="from" type="time" />
          </div>
          <div>
            <label htmlFor="rule-to">until</label>
            <input id="rule-to" name="to" type="time" />
          </div>
        </div>
      </details>
      <div className="row" style={{ marginTop: 10 }}>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Add rule"}
        </button>
      </div>
    </form>
  );
}

export function DeleteRuleButton({ ruleId, name }: { ruleId: string; name: string }) {
  return (
    <form
      action={deleteRoutingRuleAction}
      onSubmit={(e) => {
        if (!confirm(`Delete the rule “${name}”? Leads it routed keep their agent.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="ruleId" value={ruleId} />
      <button className="btn btn-sm btn-danger" type="submit">
        Delete
      </button>
    </form>
  );
}
