import { listMemberships } from "@real-estate/crm";
import { listPendingInvitations } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { InviteForm, MemberRowControls } from "@/components/team-forms";
import { revokeInvitationAction } from "@/app/actions/team-actions";
import { setAwayAction } from "@/app/actions/routing-actions";
import { When } from "@/components/when";
import { formatDateTime } from "@/components/format";
import { ConfirmForm } from "@/components/confirm-form";
import { MemberAvatar } from "@/components/member-avatar";
import { crmMemberPhotoPath } from "@/app/api/lib/profile-serialize";
import { formatPhone } from "@real-estate/types";
import { photoVersion } from "@real-estate/sites";

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
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Availability</th>
              <th>Member since</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td className="name">
                  <span className="row" style={{ alignItems: "center", gap: 8, flexWrap: "nowrap" }}>
                    <MemberAvatar
                      name={m.displayName ?? m.user.name}
                      src={m.photoSha256 ? crmMemberPhotoPath(m.id, photoVersion(m.photoSha256)) : null}
                      size={28}
                    />
                    <span>
                      <span data-testid="member-name">{m.displayName ?? m.user.name}</span>
                      {m.userId === session.user.id && <span className="faint"> (you)</span>}
                      {m.phone && <div className="small muted">{formatPhone(m.phone, { extension: m.phoneExtension, homeCountry: tenant.country })}</div>}
                    </span>
                  </span>
                </td>
                <td className="muted">{m.user.email}</td>
                <td>{m.role === "OWNER" ? "Owner" : "Agent"}</td>
                <td>
                  <form action={setAwayAction} className="row" style={{ alignItems: "center" }}>
                    <input type="hidden" name="membershipId" value={m.id} />
                    <input type="hidden" name="away" value={m.away ? "false" : "true"} />
                    <span data-testid="availability">{m.away ? "Away" : "Available"}</span>
                    <button className="btn btn-sm" type="submit">
                      {m.away ? "Mark back" : "Mark away"}
                    </button>
                  </form>
                </td>
                <td className="muted">
                  <When date={m.createdAt} />
                </td>
                <td>
                  <MemberRowControls membershipId={m.id} name={m.displayName ?? m.user.name} role={m.role} isSelf={m.userId === session.user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2>Pending invitations</h2>
        {invitations.length ? (
          <table className="data">
            <thead>
              <tr>
                <th>Email</th>
                <th>Role</th>
                <th>Expires</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{i.role === "OWNER" ? "Owner" : "Agent"}</td>
                  <td className="muted">{formatDateTime(i.expiresAt, tenant.timeZone)}</td>
                  <td>
                    <ConfirmForm
                      action={revokeInvitationAction}
                      fields={{ invitationId: i.id }}
                      message={`Withdraw the invitation to ${i.email}? Its link stops working.`}
                      label="Withdraw"
                      ariaLabel={`Withdraw the invitation to ${i.email}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>
    </>
  );
}
