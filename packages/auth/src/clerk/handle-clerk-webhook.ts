import { Webhook } from "svix";
import { z } from "zod";
import { getDb, Prisma, type Db, type DbTx } from "@real-estate/db";
import { removeMembershipInTx } from "@real-estate/crm";
import { readClerkEnv } from "./clerk-env";
import { applyClerkMembership } from "./sync-clerk-membership";
import { upsertClerkUser } from "./upsert-clerk-user";

export type ClerkWebhookResult =
  | { status: 200; body: { status: "applied" | "duplicate" | "ignored"; type: string } }
  | { status: 400; body: { error: "invalid_signature" | "malformed_event"; message: string } }
  | { status: 503; body: { error: "webhooks_not_configured"; message: string } };

const ZEmail = z.object({ id: z.string(), email_address: z.string() });
const ZUser = z.object({
  id: z.string().min(1),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  primary_email_address_id: z.string().nullish(),
  email_addresses: z.array(ZEmail).default([]),
  public_metadata: z.record(z.string(), z.unknown()).nullish(),
});
const ZDeleted = z.object({ id: z.string().min(1) });
const ZMembership = z.object({
  role: z.string(),
  organization: z.object({ id: z.string().min(1) }),
  public_user_data: z.object({
    user_id: z.string().min(1),
    identifier: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
  }),
});
const ZEvent = z.object({ type: z.string().min(1).max(100), data: z.record(z.string(), z.unknown()) });

const fullName = (first?: string | null, last?: string | null) => [first, last].filter(Boolean).join(" ").trim() || null;
const emailLike = (value?: string | null) => (value && /^[^@\s]+@[^@\s]+$/.test(value) ? value.toLowerCase() : null);

/**
 * A Clerk webhook delivery (Svix): the signature and timestamp are checked first (400 when
 * either is wrong or the message is older or newer than Svix's five-minute tolerance); then
 * its effect and its `svix-id` are written in one transaction, so a replayed or re-delivered
 * message answers 200 "duplicate" and changes nothing. Users: created/updated keep the `user`
 * row in step (e-mail, name, platform role from public metadata), deleted removes their
 * memberships (assignments cleared) and the row. Organization memberships of a tenant's
 * organization: created/updated set the mapped role (an unmapped role removes access),
 * deleted removes it. Events for organizations no tenant holds are recorded and ignored.
 */
export async function handleClerkWebhook(options: { body: string | Buffer; headers: Headers; db?: Db }): Promise<ClerkWebhookResult> {
  const env = readClerkEnv();
  if (!env.webhookSigningSecret) return { status: 503, body: { error: "webhooks_not_configured", message: "CLERK_WEBHOOK_SIGNING_SECRET is not set" } };
  const svixHeaders = {
    "svix-id": options.headers.get("svix-id") ?? "",
    "svix-timestamp": options.headers.get("svix-timestamp") ?? "",
    "svix-signature": options.headers.get("svix-signature") ?? "",
  };
  try {
    new Webhook(env.webhookSigningSecret).verify(options.body, svixHeaders);
  } catch (error) {
    return { status: 400, body: { error: "invalid_signature", message: (error as Error).message || "signature verification failed" } };
  }
  let event: z.infer<typeof ZEvent>;
  try {
    event = ZEvent.parse(JSON.parse(options.body.toString()));
  } catch {
    return { status: 400, body: { error: "malformed_event", message: "not a Clerk event (type, data)" } };
  }
  const db = options.db ?? getDb();
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        // Waits for a concurrent delivery of the same message, then finds its row: "duplicate".
        const first = await tx.$executeRaw`
          INSERT INTO clerk_webhook_event (id, type) VALUES (${svixHeaders["svix-id"]}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
        if (first === 0) return { status: 200 as const, body: { status: "duplicate" as const, type: event.type } };
        const applied = await applyEvent(tx, event, env.roleMap);
        return { status: 200 as const, body: { status: applied ? ("applied" as const) : ("ignored" as const), type: event.type } };
      });
    } catch (error) {
      if (error instanceof z.ZodError)
        return { status: 400, body: { error: "malformed_event", message: `${event.type}: ${error.issues[0]?.path.join(".")}: ${error.issues[0]?.message}` } };
      // A sign-in created the same user meanwhile (unique Clerk id or e-mail): the transaction is void, run it again.
      if (attempt < 2 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

async function applyEvent(tx: DbTx, event: z.infer<typeof ZEvent>, roleMap: Record<string, "OWNER" | "AGENT">): Promise<boolean> {
  switch (event.type) {
    case "user.created":
    case "user.updated": {
      const u = ZUser.parse(event.data);
      const primary = u.email_addresses.find((e) => e.id === u.primary_email_address_id) ?? u.email_addresses[0];
      const role = u.public_metadata?.platformRole;
      await upsertClerkUser(
        {
          clerkUserId: u.id,
          email: emailLike(primary?.email_address),
          name: fullName(u.first_name, u.last_name),
          platformRole: typeof role === "string" ? role : null,
        },
        tx,
      );
      return true;
    }
    case "user.deleted": {
      const { id } = ZDeleted.parse(event.data);
      const user = await tx.user.findUnique({ where: { clerkUserId: id }, select: { id: true, memberships: { select: { tenantId: true, id: true } } } });
      if (!user) return false;
      for (const m of user.memberships) await removeMembershipInTx(tx, { tenantId: m.tenantId, membershipId: m.id, actorUserId: null, keepLastOwner: false });
      await tx.user.delete({ where: { id: user.id } });
      return true;
    }
    case "organizationMembership.created":
    case "organizationMembership.updated":
    case "organizationMembership.deleted": {
      const m = ZMembership.parse(event.data);
      const tenant = await tx.tenant.findUnique({ where: { clerkOrganizationId: m.organization.id }, select: { id: true } });
      if (!tenant) return false;
      const p = m.public_user_data;
      const user = await upsertClerkUser({ clerkUserId: p.user_id, email: emailLike(p.identifier), name: fullName(p.first_name, p.last_name) }, tx);
      const role = event.type === "organizationMembership.deleted" ? null : (roleMap[m.role] ?? null);
      await applyClerkMembership(tx, { tenantId: tenant.id, userId: user.id, role });
      return true;
    }
    default:
      return false;
  }
}
