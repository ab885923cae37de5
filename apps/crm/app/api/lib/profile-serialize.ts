import type { MemberProfile } from "@real-estate/sites";
import { formatPhone } from "@real-estate/types";

/** A member's profile as the API answers it; `photoUrl` is the CRM's own (signed-in) copy. */
export function profileJson(profile: MemberProfile, country: string) {
  return {
    membershipId: profile.membershipId,
    name: profile.name,
    displayName: profile.displayName,
    accountName: profile.accountName,
    email: profile.email,
    phone: profile.phone,
    phoneExtension: profile.phoneExtension,
    phoneFormatted: profile.phone ? formatPhone(profile.phone, { extension: profile.phoneExtension, homeCountry: country }) : null,
    mlsAgentKey: profile.mlsAgentKey,
    photoUrl: profile.photoVersion ? crmMemberPhotoPath(profile.membershipId, profile.photoVersion) : null,
  };
}

export function crmMemberPhotoPath(membershipId: string, version: string): string {
  return `/api/members/${membershipId}/photo?v=${version}`;
}
