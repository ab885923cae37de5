import { TASK_KIND_LABELS } from "@real-estate/types";
import { describeOffset, listActionPlans } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { PLAN_FORM_ROWS } from "@/lib/plan-form";
import { ActionPlanForm, ArchivePlanButton } from "@/components/plan-forms";

export const metadata = { title: "Action plans" };

export default async function PlansPage() {
  const { tenant } = await requirePageAccess({ role: "OWNER", returnTo: "/plans" });
  const plans = await listActionPlans({ tenantId: tenant.tenantId, includeArchived: true });
  const active = plans.filter((p) => !p.archivedAt);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Action plans</h1>
          <div className="sub">Follow-up sequences: each step becomes a task for the lead&apos;s agent, or an e-mail to the lead, on schedule.</div>
        </div>
      </div>
      <section className="panel">
        <h2>Plans ({active.length})</h2>
        {plans.length ? (
          <table className="data" data-testid="action-plans">
            <thead>
              <tr>
                <th>Plan</th>
                <th>Steps</th>
                <th>Running on</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td className="name">
                    {p.name}
                    {p.archivedAt && <span className="faint"> (archived)</span>}
                    {p.description && <div className="muted">{p.description}</div>}
                  </td>
                  <td>
                    <ol style={{ margin: 0, paddingLeft: 18 }}>
                      {p.steps.map((s) => (
                        <li key={s.position}>
                          {s.kind === "EMAIL" ? "E-mail" : TASK_KIND_LABELS[s.taskKind ?? "OTHER"]}: {s.title}{" "}
                          <span className="muted">({describeOffset(s.offsetMinutes)})</span>
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td className="muted">
                    {p.activeLeads} lead{p.activeLeads === 1 ? "" : "s"}
                  </td>
                  <td>
                    <ArchivePlanButton planId={p.id} name={p.name} archived={Boolean(p.archivedAt)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No plans yet.</p>
        )}
      </section>
      <section className="panel">
        <h2>Add a plan</h2>
        <ActionPlanForm rows={PLAN_FORM_ROWS} />
      </section>
    </>
  );
}
