import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);

/** Mail settings from the environment, with defaults that work with `npm start`. */
export const ZMailEnv = z.object({
  /** Where mail is delivered; npm start runs the local SMTP sink on 2525. */
  SMTP_URL: z.string().trim().default("smtp://127.0.0.1:2525"),
  /** Domain of sender addresses and Message-IDs (each tenant sends as <slug>@domain). */
  MAIL_FROM_DOMAIN: z
    .string()
    .trim()
    .regex(/^[a-z0-9.-]+$/i)
    .default("mail.platform.example"),
  /** http or https in links. */
  PUBLIC_URL_SCHEME: z.enum(["http", "https"]).default("http"),
  /** Ports in links to the website and the CRM (empty or 0: none, as behind a proxy on 80/443). */
  PUBLIC_WEB_PORT: port.default(3000),
  PUBLIC_CRM_PORT: port.default(3001),
});

export type MailSettings = { smtpUrl: string; fromDomain: string; scheme: "http" | "https"; webPort: number; crmPort: number };

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const e = ZMailEnv.parse({
    SMTP_URL: env.SMTP_URL || undefined,
    MAIL_FROM_DOMAIN: env.MAIL_FROM_DOMAIN || undefined,
    PUBLIC_URL_SCHEME: env.PUBLIC_URL_SCHEME || undefined,
    PUBLIC_WEB_PORT: env.PUBLIC_WEB_PORT || undefined,
    PUBLIC_CRM_PORT: env.PUBLIC_CRM_PORT || undefined,
  });
  return { smtpUrl: e.SMTP_URL, fromDomain: e.MAIL_FROM_DOMAIN, scheme: e.PUBLIC_URL_SCHEME, webPort: e.PUBLIC_WEB_PORT, crmPort: e.PUBLIC_CRM_PORT };
}

/** `scheme://host[:port]` for links in e-mails. */
export function publicUrl(host: string, portNumber: number): string {
  const s = mailSettings();
  const standard = portNumber === 0 || (s.scheme === "http" && portNumber === 80) || (s.scheme === "https" && portNumber === 443);
  return `${s.scheme}://${host}${standard ? "" : `:${portNumber}`}`;
}
