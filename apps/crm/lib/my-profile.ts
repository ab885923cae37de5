import { cache } from "react";
import { getMemberProfile } from "@real-estate/sites";

/** The signed-in member's profile, read once per request (the layout and the page both show it). */
export const myProfile = cache((tenantId: string, membershipId: string) => getMemberProfile({ tenantId, membershipId }));

/** The first word of a name, for a greeting ("Good to see you, Dana."). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
