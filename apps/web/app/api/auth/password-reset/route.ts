import { z } from "zod";
import { resetVisitorPassword } from "@real-estate/sites";
import { fieldErrors } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, seeOther, serviceUnavailable } from "@/lib/forms/responses";

const ZReset = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid"),
  password: z
    .string("Please choose a password")
    .min(8, "Use at least 8 characters")
    .max(200, "Use at most 200 characters")
    .refine((v) => !v.includes("\u0000"), "The password contains characters we cannot accept"),
});

/** Sets a new password with the reset link's token (once, within the hour); every session of the account ends. */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "forms" });
  if (!guard.ok) return guard.response;
  const form = guard.kind === "form";
  const parsed = ZReset.safeParse(guard.data);
  if (!parsed.success) {
    if (form) return seeOther(`/reset-password?token=${encodeURIComponent(String(guard.data.token ?? ""))}&error=invalid`);
    return jsonError(422, "validation_failed", { fields: fieldErrors(parsed.error) });
  }
  try {
    const ok = await resetVisitorPassword({ tenantId: guard.tenant.tenantId, token: parsed.data.token, password: parsed.data.password });
    if (!ok) {
      if (form) return seeOther("/forgot-password?error=expired");
      return jsonError(410, "link_expired", { message: "This link was used already or is more than an hour old." });
    }
    if (form) return seeOther("/sign-in?reset=1");
    return Response.json({ status: "changed" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return serviceUnavailable();
  }
}
