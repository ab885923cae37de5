// The local webhook receiver npm start runs (deliveries of the demo tenants' endpoints land here).
import { startWebhookSink } from "../webhook-sink";

const port = Number(process.env.WEBHOOK_SINK_PORT ?? 8027);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error("webhook-sink: WEBHOOK_SINK_PORT must be a port number");
  process.exit(2);
}
const sink = await startWebhookSink({ port, host: process.env.WEBHOOK_SINK_HOST ?? "127.0.0.1" });
console.log(JSON.stringify({ msg: "webhook sink listening", http: sink.port }));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    void sink.close().then(() => process.exit(0));
  });
}
