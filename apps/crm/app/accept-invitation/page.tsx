import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getSession } from "@real-estate/auth";
import { getInvitationByToken } from "@real-estate/crm";
import { getRequestTenant } from "@/lib/request-tenant";
import { AcceptForm, SignUpAcceptForm } from "@/components/invitation-forms";
import { signOutAction } from "@/app/actions/auth-actions";

export const metadata = { title: "Join the brokerage" };

const STATE_TEXT: Record<string, string> = {
  accepted: "This invitation has already been used. Sign in instead.",
  revoked: "This invitation was withdrawn by the brokerage.",
  expired: "This invitation has expired. Ask the brokerage owner for a new link.",
};

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const tenant = await getRequestTenant();
  if (!tenant) notFound();
  const { token } = await searchParams;
  const invitation = typeof token === "string" ? await getInvitationByToken({ tenantId: tenant.tenantId, token }) : null;
  const session = await getSession(await headers());
  const role = invitation?.role === "OWNER" ? "owner" : "agent";
  let content: React.ReactNode;
  if (!invitation) content = <p className="sub">This invitation link is not valid for {tenant.name}.</p>;
  else if (invitation.state !== "pending") content = <p className="sub">{STATE_TEXT[invitation.state]}</p>;
  else if (session && session.user.email === invitation.email) content = <AcceptForm token={token as string} label={`Join ${tenant.name} as ${role}`} />;
  else if (session)
    content = (
      <>
        <p className="sub">
          This invitation is for {invitation.email}, but you are signed in as {session.user.email}.
        </p>
        <form action={signOutAction}>
          <button className="btn" type="submit">
            Sign out
          </button>
        </form>
      </>
    );
  else
    content = (
      <>
        <p className="sub">
          You are invited to join {tenant.name} as {role}. Create your account, or{" "}
          <a href={`/sign-in?next=${encodeURIComponent(`/accept-invitation?token=${token}`)}`}>sign in</a> if you have one.
        </p>
        <SignUpAcceptForm token={token as string} email={invitation.email} />
      </>
    );
  return (
    <main className="auth" style={{ ["--brand" as string]: tenant.primaryColor }}>
      <div className="auth-card">
        <h1>{tenant.name}</h1>
        {content}
      </div>
    </main>
  );
}
