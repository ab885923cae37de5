import { describe, expect, it } from "vitest";
import { codeInWords, describeJob, JOB_KIND_LABELS, webhookEventInWords, WEBSITE_EVENT_LABELS, WEBSITE_EVENT_TYPES } from "../src";

describe("job kinds and event types in words", () => {
  it("names every website event type and reads a job as its kind and event", () => {
    for (const type of WEBSITE_EVENT_TYPES) expect(WEBSITE_EVENT_LABELS[type], type).toBeTruthy();
    expect(describeJob({ kind: "website-event", eventType: "search.saved" })).toBe("Website event: saved search");
    expect(describeJob({ kind: "website-event", eventType: "listing.viewed" })).toBe("Website event: viewed home");
    expect(describeJob({ kind: "email.deliver", eventType: "email.deliver" })).toBe("E-mail delivery");
    expect(describeJob({ kind: "webhook.deliver" })).toBe(JOB_KIND_LABELS["webhook.deliver"]);
  });

  it("reads an unknown code as its words, never as dots and dashes", () => {
    expect(codeInWords("feed.import")).toBe("Feed import");
    expect(codeInWords("saved-search.digest")).toBe("Saved search digest");
    expect(describeJob({ kind: "website-event", eventType: "listing.shared" })).toBe("Website event: listing shared");
    expect(describeJob({ kind: "report.build" })).toBe("Report build");
  });

  it("reads webhook event types in words, unknown ones too", () => {
    expect(webhookEventInWords("lead.created")).toBe("New lead");
    expect(webhookEventInWords("lead.status_changed")).toBe("Lead status changed");
    expect(webhookEventInWords("listing.price_changed")).toBe("Listing price changed");
  });
});
