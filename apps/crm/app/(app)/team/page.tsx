import { listMemberships } from "@real-estate/db/memberships";
import { listPendingInvitations } from "@real-estate/db/invitations";
import { requirePageAccess } from "@/lib/page-access";
import { InviteForm, MemberRowControls } from "@/components/team-forms";
import { revokeInvitationAction } from "@/app/actions/team-actions";
import { When } from "@/components/when";
import { formatDateTime } from "@/components/format";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const { tenant, session } = await requirePageAccess({ role: "OWNER", returnTo: "/team" });
  const [members, invitations] = await Promise.all([listMemberships({ tenantId: tenant.tenantId }), listPendingInvitations({ tenantId: tenant.tenantId })]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Team</h1>
          <div className="sub">Owners manage the team and API keys; agents work leads.</div>
        </div>
      </div>
      <section className="panel">
        <h2>Invite someone</h2>
        <InviteForm />
      </section>
      <section className="panel">
        <h2>Members ({members.length})</h2>
        <table className="data" data-testid="members-table">
          <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Member since</th><th></th></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td className="name">{m.user.name}{m.userId === session.user.id && <span className="faint"> (you)</span>}</td>
                <td className="muted">{m.user.email}</td>
                <td>{m.role === "OWNER" ? "Owner" : "Agent"}</td>
                <td className="muted"><When date={m.createdAt} /></td>
                <td><MemberRowControls membershipId={m.id} role={m.role} isSelf={m.userId === session.user.id} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2>Pending invitations</h2>
        {invitations.length ? (
          <table className="data">
            <thead><tr><th>Email</th><th>Role</th><th>Expires</th><th></th></tr></thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{i.role === "OWNER" ? "Owner" : "Agent"}</td>
                  <td className="muted">{formatDateTime(i.expiresAt)}</td>
                  <td>
                    <form action={revokeInvitationAction}>
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button className="btn btn-sm btn-danger" type="submit">Withdraw</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="muted">None.</p>}
      </section>
    </>
  );
}
