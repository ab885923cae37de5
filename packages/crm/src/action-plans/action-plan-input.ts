import { z } from "zod";
import { ZTaskKind } from "@real-estate/types";

/** Longest offset of a step from the plan's start: one year. */
export const MAX_STEP_OFFSET_MINUTES = 365 * 24 * 60;

/** One step: a task for the lead's agent, or an e-mail to the lead, at an offset from the start. */
export const ZActionPlanStepInput = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("TASK"),
        taskKind: ZTaskKind,
        title: z.string().trim().min(1, "a title").max(200),
        offsetMinutes: z.number().int().min(0, "not before the start").max(MAX_STEP_OFFSET_MINUTES, "within a year"),
      })
      .strict(),
    z
      .object({
        kind: z.literal("EMAIL"),
        title: z.string().trim().min(1, "a title").max(200),
        offsetMinutes: z.number().int().min(0, "not before the start").max(MAX_STEP_OFFSET_MINUTES, "within a year"),
        emailSubject: z.string().trim().min(1, "a subject").max(200),
        emailBody: z.string().trim().min(1, "a message").max(10_000),
      })
      .strict(),
  ])
  .meta({ id: "ActionPlanStepInput" });
export type ActionPlanStepInput = z.infer<typeof ZActionPlanStepInput>;

/** A whole plan as an owner writes it: name, description and its steps in order (1 to 30). */
export const ZActionPlanInput = z
  .object({
    name: z.string().trim().min(1, "a name").max(120),
    description: z.string().trim().max(2_000).optional(),
    steps: z.array(ZActionPlanStepInput).min(1, "at least one step").max(30, "at most 30 steps"),
  })
  .strict()
  .meta({ id: "ActionPlanInput" });
export type ActionPlanInput = z.infer<typeof ZActionPlanInput>;

/** A change to a plan: any of its fields; `archived: true` starts it on no new lead. */
export const ZActionPlanPatch = z
  .object({
    name: z.string().trim().min(1, "a name").max(120).optional(),
    description: z.string().trim().max(2_000).nullable().optional(),
    steps: z.array(ZActionPlanStepInput).min(1, "at least one step").max(30, "at most 30 steps").optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "ActionPlanPatch" });
export type ActionPlanPatch = z.infer<typeof ZActionPlanPatch>;

/** Starting a plan on a lead by hand. */
export const ZLeadPlanStart = z
  .object({ planId: z.uuid("a plan id") })
  .strict()
  .meta({ id: "LeadPlanStart" });

/** Stopping a lead's plan: its open steps are cancelled. */
export const ZLeadPlanStop = z
  .object({ reason: z.string().trim().max(500).optional() })
  .strict()
  .meta({ id: "LeadPlanStop" });

/** Resuming takes no fields: the open steps move on by the time the plan was paused. */
export const ZLeadPlanResume = z.object({}).strict().meta({ id: "LeadPlanResume" });

/** An offset in words: "at once", "after 2 days", "after 1 day 4 hours", "after 30 minutes". */
export function describeOffset(minutes: number): string {
  if (minutes === 0) return "at once";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [
    days && `${days} day${days === 1 ? "" : "s"}`,
    hours && `${hours} hour${hours === 1 ? "" : "s"}`,
    mins && `${mins} minute${mins === 1 ? "" : "s"}`,
  ].filter(Boolean);
  return `after ${parts.join(" ")}`;
}
