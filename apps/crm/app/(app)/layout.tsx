import { requirePageAccess } from "@/lib/page-access";
import { NavLinks, type NavItem } from "@/components/nav-links";
import { signOutAction } from "@/app/actions/auth-actions";
import { SearchHotkey } from "@/components/search-hotkey";
import { MemberAvatar } from "@/components/member-avatar";
import { myProfile } from "@/lib/my-profile";
import { crmMemberPhotoPath } from "@/app/api/lib/profile-serialize";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { tenant, session, member } = await requirePageAccess();
  const profile = await myProfile(tenant.tenantId, member.id);
  const name = profile?.name ?? session.user.name;
  const work: NavItem[] = [
    { href: "/my-day", label: "My day" },
    { href: "/", label: "Dashboard" },
    { href: "/leads", label: "Leads" },
    { href: "/contacts", label: "Contacts" },
    { href: "/activities", label: "Activities" },
    { href: "/profile", label: "Profile" },
  ];
  const admin: NavItem[] = [
    { href: "/team", label: "Team" },
    { href: "/routing", label: "Lead routing" },
    { href: "/plans", label: "Action plans" },
    { href: "/api-keys", label: "API keys" },
    { href: "/webhooks", label: "Webhooks" },
  ];
  return (
    <div className="shell" style={{ ["--brand" as string]: tenant.primaryColor, ["--accent" as string]: tenant.accentColor }}>
      <aside className="side">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            {tenant.name.slice(0, 1).toUpperCase()}
          </span>
          <div>
            <div className="brand-name" data-testid="tenant-name">
              {tenant.name}
            </div>
            <div className="brand-sub">CRM</div>
          </div>
        </div>
        <nav className="nav" aria-label="Main">
          <NavLinks items={work} />
          {member.role === "OWNER" && (
            <>
              <div className="nav-section">Brokerage</div>
              <NavLinks items={admin} />
            </>
          )}
        </nav>
        <div className="side-foot">
          <div className="row" style={{ alignItems: "center", gap: 8 }}>
            <MemberAvatar name={name} src={profile?.photoVersion ? crmMemberPhotoPath(profile.membershipId, profile.photoVersion) : null} size={28} />
            <div style={{ color: "#fff" }} data-testid="signed-in-as">
              {name}
            </div>
          </div>
          <div style={{ color: "#8b97a8", marginBottom: 6 }}>
            {session.user.email} · {member.role === "OWNER" ? "Owner" : "Agent"}
          </div>
          <form action={signOutAction}>
            <button type="submit">Sign out</button>
          </form>
        </div>
      </aside>
      <main className="main">{children}</main>
      <SearchHotkey />
    </div>
  );
}
