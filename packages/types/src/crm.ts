import { z } from "zod";

export const LEAD_STATUSES = ["NEW", "CONTACTED", "QUALIFIED", "NURTURING", "UNDER_CONTRACT", "WON", "LOST"] as const;
export type LeadStatusData = (typeof LEAD_STATUSES)[number];
export const ZLeadStatus = z.enum(LEAD_STATUSES);
/** A lead in one of these is closed; a new website event opens a new lead for the contact. */
export const CLOSED_LEAD_STATUSES: readonly LeadStatusData[] = ["WON", "LOST"];

export const LEAD_SOURCES = [
  "website_contact",
  "listing_inquiry",
  "valuation",
  "visitor_registration",
  "saved_listing",
  "saved_search",
  "manual",
  "api",
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const ZLeadSource = z.enum(LEAD_SOURCES);

export const MEMBERSHIP_ROLES = ["OWNER", "AGENT"] as const;
export type MembershipRoleData = (typeof MEMBERSHIP_ROLES)[number];

export const ACTIVITY_TYPES = [
  "WEBSITE_EVENT",
  "NOTE",
  "CALL",
  "MEETING",
  "EMAIL",
  "STATUS_CHANGE",
  "ASSIGNMENT",
  "CONTACT_CREATED",
  "CONTACT_UPDATED",
  "CONTACT_MERGED",
  "TASK_COMPLETED",
  "ACTION_PLAN",
] as const;
export type ActivityTypeData = (typeof ACTIVITY_TYPES)[number];
/** Activities a person can log by hand. */
export const LOGGABLE_ACTIVITY_TYPES = ["NOTE", "CALL", "MEETING", "EMAIL"] as const;

/** Lead sources in words, for everything a person reads. */
export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  website_contact: "Website contact form",
  listing_inquiry: "Listing inquiry",
  valuation: "Home valuation request",
  visitor_registration: "Website sign-up",
  saved_listing: "Saved home",
  saved_search: "Saved search",
  manual: "Added by hand",
  api: "Added through the API",
};

/** A lead source in words; an unknown value is shown as it is stored. */
export function leadSourceLabel(source: string): string {
  return (LEAD_SOURCE_LABELS as Record<string, string>)[source] ?? source;
}

export const TASK_KINDS = ["CALL", "EMAIL", "TEXT", "SHOWING", "OTHER"] as const;
export type TaskKindData = (typeof TASK_KINDS)[number];
export const ZTaskKind = z.enum(TASK_KINDS);
/** Task kinds in words. */
export const TASK_KIND_LABELS: Record<TaskKindData, string> = { CALL: "Call", EMAIL: "Email", TEXT: "Text", SHOWING: "Showing", OTHER: "To-do" };
