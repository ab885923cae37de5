import React from "react";
import { render, toPlainText } from "@react-email/render";
import type { Branding } from "../branding/load-branding";
import { EmailVerification, type EmailVerificationProps } from "./email-verification";
import { Invitation, type InvitationProps } from "./invitation";
import { LeadAlert, type LeadAlertProps } from "./lead-alert";
import { PasswordReset, type PasswordResetProps } from "./password-reset";
import { PlanEmail, type PlanEmailProps } from "./plan-email";
import { RequestReceived, type RequestReceivedProps } from "./request-received";
import { SavedSearchAlert, type SavedSearchAlertProps } from "./saved-search-alert";
import { TaskReminder, type TaskReminderProps } from "./task-reminder";
import { WebhookDisabled, type WebhookDisabledProps } from "./webhook-disabled";

/** Every template, its props and its category. */
export type EmailTemplates = {
  "lead-alert": LeadAlertProps;
  invitation: InvitationProps;
  "password-reset": PasswordResetProps;
  "email-verification": EmailVerificationProps;
  "saved-search-alert": SavedSearchAlertProps;
  "request-received": RequestReceivedProps;
  "task-reminder": TaskReminderProps;
  "plan-email": PlanEmailProps;
  "webhook-disabled": WebhookDisabledProps;
};
export type EmailTemplateName = keyof EmailTemplates;

/** Marketing mail needs consent and carries List-Unsubscribe; everything else is transactional. */
export const TEMPLATE_CATEGORY: Record<EmailTemplateName, "transactional" | "marketing"> = {
  "lead-alert": "transactional",
  invitation: "transactional",
  "password-reset": "transactional",
  "email-verification": "transactional",
  "saved-search-alert": "marketing",
  "request-received": "transactional",
  "task-reminder": "transactional",
  // A personal follow-up on the lead's own inquiry, in the agent's name (not a campaign).
  "plan-email": "transactional",
  "webhook-disabled": "transactional",
};

function subjectOf<T extends EmailTemplateName>(name: T, props: EmailTemplates[T], brand: Branding): string {
  switch (name) {
    case "lead-alert": {
      const p = props as LeadAlertProps;
      return `New lead: ${p.person.name}${p.listing ? ` – ${p.listing.address}` : ""}`;
    }
    case "invitation":
      return `You are invited to ${brand.name}'s CRM`;
    case "password-reset":
      return `Reset your ${brand.name} password`;
    case "email-verification":
      return `Confirm your e-mail for ${brand.name}`;
    case "saved-search-alert": {
      const p = props as SavedSearchAlertProps;
      const n = p.listings.length + (p.more ?? 0);
      return `${n} update${n === 1 ? "" : "s"} for “${p.searchName}”`;
    }
    case "request-received":
      return `${brand.name} received your request`;
    case "task-reminder": {
      const p = props as TaskReminderProps;
      return `Due now: ${p.kindLabel} – ${p.title}`;
    }
    case "plan-email":
      return (props as PlanEmailProps).subject;
    case "webhook-disabled":
      return `Webhook endpoint disabled: ${(props as WebhookDisabledProps).url}`;
  }
  return brand.name;
}

function element<T extends EmailTemplateName>(name: T, props: EmailTemplates[T], brand: Branding): React.ReactElement {
  switch (name) {
    case "lead-alert":
      return <LeadAlert {...(props as LeadAlertProps)} brand={brand} />;
    case "invitation":
      return <Invitation {...(props as InvitationProps)} brand={brand} />;
    case "password-reset":
      return <PasswordReset {...(props as PasswordResetProps)} brand={brand} />;
    case "email-verification":
      return <EmailVerification {...(props as EmailVerificationProps)} brand={brand} />;
    case "saved-search-alert":
      return <SavedSearchAlert {...(props as SavedSearchAlertProps)} brand={brand} />;
    case "task-reminder":
      return <TaskReminder {...(props as TaskReminderProps)} brand={brand} />;
    case "plan-email":
      return <PlanEmail {...(props as PlanEmailProps)} brand={brand} />;
    case "webhook-disabled":
      return <WebhookDisabled {...(props as WebhookDisabledProps)} brand={brand} />;
    default:
      return <RequestReceived {...(props as RequestReceivedProps)} brand={brand} />;
  }
}

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Renders a template for a tenant to HTML and plain text (React Email): the component once, the
 * text converted from that HTML as `render(el, { plainText: true })` would (it renders the
 * component a second time only to convert the same markup).
 */
export async function renderEmail<T extends EmailTemplateName>(name: T, props: EmailTemplates[T], brand: Branding): Promise<RenderedEmail> {
  const html = await render(element(name, props, brand));
  return { subject: subjectOf(name, props, brand), html, text: toPlainText(html) };
}
