// Job kinds (decision 0010) and website event types in words, for the people who read queue
// screens: "E-mail delivery" rather than `email.deliver`. Screens show the code beside the words
// (operators filter by it); an unknown code reads as its words ("feed.import" -> "Feed import").

export const JOB_KIND_LABELS: Record<string, string> = {
  "website-event": "Website event",
  "email.deliver": "E-mail delivery",
  "feed.sync": "MLS feed sync",
  "lead.alert": "New-lead alert e-mail",
  "plan.step": "Follow-up plan step",
  "saved-search.alerts": "Saved-search alert e-mails",
  "task.reminder": "Task reminder e-mail",
  "visitor.password-reset": "Password reset e-mail",
  "visitor.verify-email": "E-mail address check",
  "webhook.deliver": "Webhook delivery",
};

export const WEBSITE_EVENT_LABELS: Record<string, string> = {
  "lead.submitted": "Contact or listing request",
  "valuation.requested": "Home valuation request",
  "visitor.registered": "Visitor sign-up",
  "listing.saved": "Saved home",
  "listing.viewed": "Viewed home",
  "search.saved": "Saved search",
  "lead.received": "Lead from a partner (events API)",
};

/** Webhook event types (the CRM's events API) in words, for the delivery log and the endpoint form. */
export const WEBHOOK_EVENT_LABELS: Record<string, string> = {
  "contact.created": "Contact created",
  "contact.updated": "Contact updated",
  "lead.created": "New lead",
  "lead.status_changed": "Lead status changed",
  "lead.assigned": "Lead assigned",
  "note.added": "Note added",
  "task.completed": "Task completed",
};

/** A webhook event type in words ("lead.status_changed" -> "Lead status changed"). */
export function webhookEventInWords(code: string): string {
  return WEBHOOK_EVENT_LABELS[code] ?? codeInWords(code);
}

/** "saved-search.alerts" -> "Saved search alerts": a code's words when no label is known. */
export function codeInWords(code: string): string {
  const words = code.replace(/[._-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}

/** A job in words: its kind, and for website events what happened ("Website event: saved search"). */
export function describeJob(job: { kind: string; eventType?: string | null }): string {
  const kind = JOB_KIND_LABELS[job.kind] ?? codeInWords(job.kind);
  if (!job.eventType || job.eventType === job.kind) return kind;
  const event = WEBSITE_EVENT_LABELS[job.eventType] ?? codeInWords(job.eventType);
  return `${kind}: ${event[0]!.toLowerCase()}${event.slice(1)}`;
}
