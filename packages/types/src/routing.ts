import { z } from "zod";
import { ZLeadSource } from "./crm";

export const ROUTING_TARGET_KINDS = ["AGENT", "ROUND_ROBIN", "POND"] as const;
export type RoutingTargetKindData = (typeof ROUTING_TARGET_KINDS)[number];

export const ROUTING_TARGET_LABELS: Record<RoutingTargetKindData, string> = {
  AGENT: "One agent",
  ROUND_ROBIN: "Round robin",
  POND: "Shared pond",
};

const minuteOfDay = z.number().int().min(0).max(1439);
const price = z.number().int().min(0).max(1_000_000_000);
const optionalName = z
  .string()
  .trim()
  .max(120)
  .transform((v) => v || null)
  .nullable()
  .optional();

/**
 * An owner's routing rule as entered. Every condition is optional (absent: matches anything);
 * the time window is local minutes after midnight in the tenant's time zone and may wrap past
 * midnight (from 18:00 to 08:00).
 */
export const ZRoutingRuleInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    sources: z.array(ZLeadSource).max(20).default([]),
    towns: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9-]{1,60}$/, "a town slug such as greenwich or old-greenwich"),
      )
      .max(50)
      .default([]),
    minPrice: price.nullable().optional(),
    maxPrice: price.nullable().optional(),
    listingOffice: optionalName,
    listingAgent: optionalName,
    fromMinute: minuteOfDay.nullable().optional(),
    toMinute: minuteOfDay.nullable().optional(),
    targetKind: z.enum(ROUTING_TARGET_KINDS),
    targetMembershipId: z.uuid().nullable().optional(),
    memberIds: z.array(z.uuid()).max(100).default([]),
    rerouteAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .nullable()
      .optional(),
    /** The action plan a lead this rule routes starts on (an unarchived plan of the tenant). */
    actionPlanId: z.uuid().nullable().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.minPrice != null && r.maxPrice != null && r.minPrice > r.maxPrice) {
      ctx.addIssue({ code: "custom", path: ["maxPrice"], message: "the highest price is below the lowest" });
    }
    if ((r.fromMinute == null) !== (r.toMinute == null)) {
      ctx.addIssue({ code: "custom", path: ["toMinute"], message: "give both ends of the time window, or neither" });
    }
    if (r.targetKind === "AGENT" && !r.targetMembershipId) {
      ctx.addIssue({ code: "custom", path: ["targetMembershipId"], message: "choose the agent who gets these leads" });
    }
    if (r.targetKind === "ROUND_ROBIN" && r.memberIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["memberIds"], message: "choose at least one member for the round robin" });
    }
    if (new Set(r.memberIds).size !== r.memberIds.length) {
      ctx.addIssue({ code: "custom", path: ["memberIds"], message: "a member is listed twice" });
    }
  });
export type RoutingRuleInput = z.infer<typeof ZRoutingRuleInput>;
