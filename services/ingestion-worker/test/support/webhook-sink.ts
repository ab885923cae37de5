// The local webhook receiver for a worker test file: started with the settings that allow it as
// a destination (WEBHOOK_ALLOWED_HOSTS too: an endpoint's URL is checked when it is created).
import type { WebhookSettings } from "@real-estate/integrations";
import { startWebhookSink, type WebhookSink } from "@real-estate/webhook-sink";

export async function startTestWebhookSink(timeoutMs: number): Promise<{ sink: WebhookSink; settings: WebhookSettings }> {
  const sink = await startWebhookSink();
  const settings: WebhookSettings = { allowedHosts: [`127.0.0.1:${sink.port}`], timeoutMs };
  process.env.WEBHOOK_ALLOWED_HOSTS = settings.allowedHosts.join(",");
  return { sink, settings };
}

export async function stopTestWebhookSink(sink: WebhookSink | undefined): Promise<void> {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  await sink?.close();
}
