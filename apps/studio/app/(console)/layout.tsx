import { BrandMark } from "@/components/brand";
import { NavLinks } from "@/components/nav-links";
import { NoticeProvider } from "@/components/notice";
import { SignOutButton } from "@/components/sign-out-button";
import { requireOperatorPage } from "@/lib/operator";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const operator = await requireOperatorPage();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <BrandMark />
          <div>
            Platform Studio
            <small>Operator console</small>
          </div>
        </div>
        <div className="nav-label">Platform</div>
        <NavLinks />
        <div className="side-foot">
          <div className="muted small">Signed in as</div>
          <div className="who" title={operator.email}>
            {operator.email}
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main className="content">
        <NoticeProvider>{children}</NoticeProvider>
      </main>
    </div>
  );
}
