import { z } from "zod";
import { ZTaskKind } from "@real-estate/types";

/** Farthest a due time may lie in the past or future (a typo such as year 20260 is refused). */
const MAX_YEARS = 10;
const ZDueAt = z.coerce
  .date("a date and time, e.g. 2026-12-03T15:00:00Z")
  .refine((d) => Math.abs(d.getTime() - Date.now()) < MAX_YEARS * 365 * 86_400_000, `within ${MAX_YEARS} years of today`);

/** A new task: on a lead (its contact is implied) or on a contact. */
export const ZTaskCreate = z
  .object({
    kind: ZTaskKind,
    title: z.string().trim().min(1, "a title").max(200),
    notes: z.string().trim().max(10_000).optional(),
    dueAt: ZDueAt,
    leadId: z.uuid().optional(),
    contactId: z.uuid().optional(),
    /** A membership of the tenant; default: the lead's agent, else the creator. null: nobody yet. */
    assignedMembershipId: z.uuid().nullable().optional(),
  })
  .strict()
  .refine((v) => v.leadId || v.contactId, { message: "a leadId or a contactId", path: ["leadId"] });
export type TaskCreate = z.infer<typeof ZTaskCreate>;

/** A change to a task; `done: true` completes it (logging an activity), `done: false` reopens it. */
export const ZTaskUpdate = z
  .object({
    kind: ZTaskKind.optional(),
    title: z.string().trim().min(1, "a title").max(200).optional(),
    notes: z.string().trim().max(10_000).nullable().optional(),
    dueAt: ZDueAt.optional(),
    assignedMembershipId: z.uuid().nullable().optional(),
    done: z.boolean().optional(),
    /** What came of it (with `done: true`): the completion activity's text. */
    outcome: z.string().trim().max(10_000).optional(),
  })
  .strict();
export type TaskUpdate = z.infer<typeof ZTaskUpdate>;
