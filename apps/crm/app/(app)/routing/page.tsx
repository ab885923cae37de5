import { leadSourceLabel, ROUTING_TARGET_LABELS } from "@real-estate/types";
import { clockTime, listActionPlans, listMemberships, listRoutingRules, type RoutingRuleRow } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { moveRoutingRuleAction } from "@/app/actions/routing-actions";
import { DeleteRuleButton, RoutingRuleForm } from "@/components/routing-forms";

export const metadata = { title: "Lead routing" };

const money = (n: number) => `$${n.toLocaleString("en-US")}`;

/** A rule's conditions in words: "Listing inquiry; towns greenwich; $1,000,000–$2,000,000". */
function conditions(rule: RoutingRuleRow): string {
  const parts: string[] = [];
  if (rule.sources.length) parts.push(rule.sources.map(leadSourceLabel).join(" or "));
  if (rule.towns.length) parts.push(`in ${rule.towns.join(", ")}`);
  if (rule.minPrice != null || rule.maxPrice != null) {
    parts.push(
      rule.maxPrice == null
        ? `from ${money(rule.minPrice!)}`
        : rule.minPrice == null
          ? `up to ${money(rule.maxPrice)}`
          : `${money(rule.minPrice)}–${money(rule.maxPrice)}`,
    );
  }
  if (rule.listingOffice) parts.push(`listed by office ${rule.listingOffice}`);
  if (rule.listingAgent) parts.push(`listed by ${rule.listingAgent}`);
  if (rule.fromMinute != null && rule.toMinute != null) parts.push(`arriving ${clockTime(rule.fromMinute)}–${clockTime(rule.toMinute)}`);
  return parts.length ? parts.join("; ") : "Every lead";
}

function target(rule: RoutingRuleRow): string {
  if (rule.targetKind === "AGENT") return rule.targetMember ? rule.targetMember.user.name : "nobody (the agent left; rule stopped)";
  if (rule.targetKind === "POND") return "the shared pond (anyone may claim)";
  return `round robin: ${rule.members.map((m) => m.membership.user.name + (m.membership.away ? " (away)" : "")).join(", ")}`;
}

export default async function RoutingPage() {
  const { tenant } = await requirePageAccess({ role: "OWNER", returnTo: "/routing" });
  const [rules, members, plans] = await Promise.all([
    listRoutingRules({ tenantId: tenant.tenantId }),
    listMemberships({ tenantId: tenant.tenantId }),
    listActionPlans({ tenantId: tenant.tenantId }),
  ]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Lead routing</h1>
          <div className="sub">New website leads go to the first rule that matches, the moment they arrive. Times are in {tenant.timeZone}.</div>
        </div>
      </div>
      <section className="panel">
        <h2>Rules ({rules.length})</h2>
        {rules.length ? (
          <table className="data" data-testid="routing-rules">
            <thead>
              <tr>
                <th>#</th>
                <th>Rule</th>
                <th>When</th>
                <th>Sends to</th>
                <th>Re-route</th>
                <th>Action plan</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={r.id}>
                  <td className="muted">{i + 1}</td>
                  <td className="name">
                    {r.name}
                    {!r.enabled && <span className="faint"> (stopped)</span>}
                  </td>
                  <td>{conditions(r)}</td>
                  <td>
                    {ROUTING_TARGET_LABELS[r.targetKind]} — {target(r)}
                  </td>
                  <td className="muted">{r.rerouteAfterMinutes ? `after ${r.rerouteAfterMinutes} min` : "never"}</td>
                  <td className="muted">{r.actionPlan ? `${r.actionPlan.name}${r.actionPlan.archivedAt ? " (archived: not started)" : ""}` : "none"}</td>
                  <td>
                    <div className="row" style={{ alignItems: "center" }}>
                      {(["up", "down"] as const).map((d) => (
                        <form key={d} action={moveRoutingRuleAction}>
                          <input type="hidden" name="ruleId" value={r.id} />
                          <input type="hidden" name="direction" value={d} />
                          <button
                            className="btn btn-sm"
                            type="submit"
                            disabled={d === "up" ? i === 0 : i === rules.length - 1}
                            aria-label={`Move ${r.name} ${d}`}
                          >
                            {d === "up" ? "↑" : "↓"}
                          </button>
                        </form>
                      ))}
                      <DeleteRuleButton ruleId={r.id} name={r.name} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No rules yet: new leads arrive unassigned.</p>
        )}
      </section>
      <section className="panel">
        <h2>Add a rule</h2>
        <RoutingRuleForm members={members.map((m) => ({ id: m.id, name: m.user.name, away: m.away }))} plans={plans.map((p) => ({ id: p.id, name: p.name }))} />
      </section>
    </>
  );
}
