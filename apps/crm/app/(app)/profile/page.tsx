import { notFound } from "next/navigation";
import { formatPhone } from "@real-estate/types";
import { requirePageAccess } from "@/lib/page-access";
import { myProfile } from "@/lib/my-profile";
import { publicSiteOrigin } from "@/lib/public-site";
import { crmMemberPhotoPath } from "@/app/api/lib/profile-serialize";
import { MemberAvatar } from "@/components/member-avatar";
import { PhotoForm, ProfileForm } from "@/components/profile-forms";

export const metadata = { title: "Profile" };

/** The signed-in member's own profile: what the website's contact sections and e-mails sent for them show. */
export default async function ProfilePage() {
  const { tenant, member } = await requirePageAccess({ returnTo: "/profile" });
  const profile = await myProfile(tenant.tenantId, member.id);
  if (!profile) notFound();
  const site = await publicSiteOrigin(tenant.tenantId, tenant.slug);
  const phone = profile.phone ? formatPhone(profile.phone, { extension: profile.phoneExtension, homeCountry: tenant.country }) : "";
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Profile</h1>
          <div className="sub">
            Shown on <a href={`${site}/contact`}>the website</a> and in e-mails sent for you to leads.
          </div>
        </div>
      </div>
      <section className="panel">
        <h2>How you appear</h2>
        <div className="row" style={{ alignItems: "center", gap: 14 }} data-testid="profile-preview">
          <MemberAvatar name={profile.name} src={profile.photoVersion ? crmMemberPhotoPath(profile.membershipId, profile.photoVersion) : null} size={72} />
          <div>
            <strong data-testid="profile-name">{profile.name}</strong>
            <div className="muted" data-testid="profile-phone">
              {phone || "No phone"}
            </div>
            <div className="muted">{profile.email}</div>
          </div>
        </div>
      </section>
      <section className="panel">
        <h2>Photo</h2>
        <PhotoForm hasPhoto={profile.photoVersion !== null} />
      </section>
      <section className="panel">
        <h2>Details</h2>
        <ProfileForm displayName={profile.displayName ?? ""} phone={phone} mlsAgentKey={profile.mlsAgentKey ?? ""} accountName={profile.accountName} />
      </section>
    </>
  );
}
