"use server";
import { revalidatePath } from "next/cache";
import { updateMemberProfile, ZProfilePatch } from "@real-estate/sites";
import { zodFieldErrors } from "@real-estate/http";
import { requirePageAccess } from "@/lib/page-access";

export type ProfileState = { ok?: string; error?: string; fields?: Record<string, string[]> };

/** The signed-in member saves their own profile (name, phone, MLS agent id); validated as the API does. */
export async function saveProfileAction(_prev: ProfileState, form: FormData): Promise<ProfileState> {
  const { tenant, member } = await requirePageAccess();
  const parsed = ZProfilePatch.safeParse({
    displayName: form.get("displayName") ?? "",
    phone: form.get("phone") ?? "",
    mlsAgentKey: form.get("mlsAgentKey") ?? "",
  });
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    return { error: Object.values(fields)[0]?.[0] ?? "Check the fields.", fields };
  }
  const result = await updateMemberProfile({ tenantId: tenant.tenantId, membershipId: member.id, patch: parsed.data, country: tenant.country });
  if (!result) return { error: "Your membership is gone." };
  if (!result.ok) return { error: Object.values(result.fields)[0]?.[0] ?? "Check the fields.", fields: result.fields };
  revalidatePath("/", "layout");
  return { ok: "Profile saved." };
}
