import { z } from "zod";

export const LEAD_STATUSES = ["NEW", "CONTACTED", "QUALIFIED", "NURTURING", "UNDER_CONTRACT", "WON", "LOST"] as const;
export type TLeadStatus = (typeof LEAD_STATUSES)[number];
export const ZLeadStatus = z.enum(LEAD_STATUSES);
/** A lead in one of these is closed; a new website event opens a new lead for the contact. */
export const CLOSED_LEAD_STATUSES: readonly TLeadStatus[] = ["WON", "LOST"];

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
export type TLeadSource = (typeof LEAD_SOURCES)[number];
export const ZLeadSource = z.enum(LEAD_SOURCES);

export const MEMBERSHIP_ROLES = ["OWNER", "AGENT"] as const;
export type TMembershipRole = (typeof MEMBERSHIP_ROLES)[number];

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
] as const;
export type TActivityType = (typeof ACTIVITY_TYPES)[number];
/** Activities a person can log by hand. */
export const LOGGABLE_ACTIVITY_TYPES = ["NOTE", "CALL", "MEETING", "EMAIL"] as const;
