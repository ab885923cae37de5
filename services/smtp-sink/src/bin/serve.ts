// npm run mail:sink — the local SMTP server that keeps what the platform sends (npm start runs it).
import { startSmtpSink } from "../smtp-sink";

const port = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) {
    console.error(`smtp-sink: ${name} must be a port number`);
    process.exit(2);
  }
  return n;
};
const sink = await startSmtpSink({
  smtpPort: port("SMTP_SINK_PORT", 2525),
  httpPort: port("SMTP_SINK_HTTP_PORT", 8025),
  host: process.env.SMTP_SINK_HOST ?? "127.0.0.1",
  dataDir: process.env.SMTP_SINK_DIR || undefined,
});
console.log(JSON.stringify({ msg: "smtp sink listening", smtp: sink.smtpPort, http: sink.httpPort, kept: sink.messages().length }));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    void sink.close().then(() => process.exit(0));
  });
}
