import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { activitySelect, type ActivityRow, type CrmActor } from "../shared/crm-selects";
import { isUuid } from "../shared/is-uuid";
import { actorData, emitWebhookEvents } from "../shared/webhook-events";

export const LOGGABLE_TYPES = ["NOTE", "CALL", "MEETING", "EMAIL"] as const;
export type LoggableActivityType = (typeof LOGGABLE_TYPES)[number];

const DEFAULT_TITLES: Record<LoggableActivityType, string> = { NOTE: "Note", CALL: "Call logged", MEETING: "Meeting logged", EMAIL: "Email logged" };
/** These reach the person, so the first one counts as the lead's first contact. */
const TOUCHES: LoggableActivityType[] = ["CALL", "MEETING", "EMAIL"];

export type LogActivityResult = { ok: true; activity: ActivityRow } | { ok: false; error: "not_found" | "lead_contact_mismatch" };

/**
 * Logs a note, call, meeting or email on a lead (its contact is implied) or on a contact.
 * On a lead it bumps lastActivityAt, and a first call/meeting/email stamps firstContactedAt.
 */
export async function logActivity(options: {
  tenantId: string;
  type: LoggableActivityType;
  leadId?: string;
  contactId?: string;
  title?: string;
  body?: string;
  occurredAt?: Date;
  actor: CrmActor;
  db?: Db;
}): Promise<LogActivityResult> {
  const db = options.db ?? getDb();
  const { tenantId, leadId } = options;
  if ((leadId && !isUuid(leadId)) || (options.contactId && !isUuid(options.contactId))) return { ok: false, error: "not_found" };
  if (!leadId && !options.contactId) return { ok: false, error: "not_found" };
  return db.$transaction(async (tx) => {
    let contactId = options.contactId;
    if (leadId) {
      const lead = await tx.lead.findUnique({ where: { tenantId_id: { tenantId, id: leadId } }, select: { contactId: true, firstContactedAt: true } });
      if (!lead) return { ok: false, error: "not_found" } as const;
      if (contactId && contactId !== lead.contactId) return { ok: false, error: "lead_contact_mismatch" } as const;
      contactId = lead.contactId;
      const occurredAt = options.occurredAt ?? new Date();
      await tx.lead.update({
        where: { tenantId_id: { tenantId, id: leadId } },
        data: { lastActivityAt: occurredAt, ...(TOUCHES.includes(options.type) && !lead.firstContactedAt && { firstContactedAt: occurredAt }) },
      });
    } else {
      const contact = await tx.contact.findUnique({ where: { tenantId_id: { tenantId, id: contactId! } }, select: { id: true } });
      if (!contact) return { ok: false, error: "not_found" } as const;
    }
    const activity = await tx.activity.create({
      data: {
        tenantId,
        contactId: contactId!,
        leadId: leadId ?? null,
        type: options.type,
        title: options.title?.trim() || DEFAULT_TITLES[options.type],
        body: options.body?.trim() || null,
        occurredAt: options.occurredAt ?? new Date(),
        actorUserId: options.actor.userId,
        metadata: options.actor.apiKeyId ? { apiKeyId: options.actor.apiKeyId } : {},
      },
      select: activitySelect,
    });
    if (options.type === "NOTE") {
      await emitWebhookEvents(tx, tenantId, [
        {
          type: "note.added",
          contactId: activity.contactId,
          occurredAt: activity.occurredAt,
          data: {
            activityId: activity.id,
            contactId: activity.contactId,
            leadId: activity.leadId,
            title: activity.title,
            body: activity.body,
            actor: actorData(options.actor),
          },
        },
      ]);
    }
    const actor = options.actor.userId ? await tx.user.findUnique({ where: { id: options.actor.userId }, select: { name: true } }) : null;
    return { ok: true, activity: { ...activity, actorName: actor?.name ?? null } } as const;
  });
}
