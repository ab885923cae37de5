"use server";
import { revalidatePath } from "next/cache";
import { updateMemberProfile, ZProfilePatch } from "@real-estate/sites";
import { zodFieldErrors } from "@real-estate/http";
import { requirePageAccess } from "@/lib/page-access";

/** `values`: what was sent, so the form shows it again (React resets a form after its action). */
export type ProfileState = { ok?: string; error?: string; fields?: Record<string, string[]>; values?: Record<string, string> };

/** The signed-in member saves their own profile (name, phone, MLS agent id); validated as the API does. */
export async function saveProfileAction(_prev: ProfileState, form: FormData): Promise<ProfileState> {
  const { tenant, member } = await requirePageAccess();
  const values = {
    displayName: String(form.get("displayName") ?? ""),
    phone: String(form.get("phone") ?? ""),
    mlsAgentKey: String(form.get("mlsAgentKey") ?? ""),
  };
  const parsed = ZProfilePatch.safeParse(values);
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    return { error: Object.values(fields)[0]?.[0] ?? "Check the fields.", fields, values };
  }
  const result = await updateMemberProfile({ tenantId: tenant.tenantId, membershipId: member.id, patch: parsed.data, country: tenant.country });
  if (!result) return { error: "Your membership is gone." };
  if (!result.ok) return { error: Object.values(result.fields)[0]?.[0] ?? "Check the fields.", fields: result.fields, values };
  revalidatePath("/", "layout");
  return { ok: "Profile saved.", values };
}
