"use client";
import { useActionState } from "react";
import { NoticeOutcome } from "./form-result";
import { webhookEventInWords } from "@real-estate/types";
import { createWebhookAction, rotateWebhookSecretAction, type WebhookState } from "@/app/actions/webhook-actions";

function Result({ state }: { state: WebhookState }) {
  return <NoticeOutcome state={state} secrets={[{ value: state.secret, testId: "webhook-secret" }]} />;
}

export function WebhookEndpointForm({ eventTypes }: { eventTypes: readonly string[] }) {
  const [state, action, pending] = useActionState<WebhookState, FormData>(createWebhookAction, {});
  return (
    <form action={action}>
      <Result state={state} />
      <div className="row">
        <div style={{ flex: "2 1 320px" }}>
          <label htmlFor="webhook-url">Endpoint URL</label>
          <input id="webhook-url" name="url" type="url" required maxLength={2000} style={{ width: "100%" }} placeholder="https://example.com/webhooks/crm" />
        </div>
        <div style={{ flex: "1 1 200px" }}>
          <label htmlFor="webhook-description">Description</label>
          <input id="webhook-description" name="description" type="text" maxLength={200} style={{ width: "100%" }} placeholder="e.g. Zapier" />
        </div>
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: "12px 0" }}>
        <legend>Events</legend>
        <div className="row">
          {eventTypes.map((t) => (
            <label key={t} style={{ fontWeight: "normal" }}>
              <input type="checkbox" name="events" value={t} defaultChecked={t !== "note.added"} /> {webhookEventInWords(t)} <code>{t}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        Add endpoint
      </button>
    </form>
  );
}

export function RotateSecretForm({ endpointId }: { endpointId: string }) {
  const [state, action, pending] = useActionState<WebhookState, FormData>(rotateWebhookSecretAction, {});
  return (
    <form action={action}>
      <Result state={state} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <button className="btn btn-sm" type="submit" disabled={pending}>
        Rotate secret
      </button>
    </form>
  );
}
