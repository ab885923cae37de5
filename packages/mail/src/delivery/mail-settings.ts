import crypto from "node:crypto";
import fs from "node:fs";
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

export function mailSettings(env: Record<string, string | undefined> = process.env): MailSettings {
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

/** DKIM signing of outgoing mail (nodemailer's `dkim` option): every message signed for the sender domain. */
export type DkimSettings = { domainName: string; keySelector: string; privateKey: string };

const ZDkimEnv = z.object({
  MAIL_DKIM_SELECTOR: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]*$/i, "must be a DNS label such as mail2026")
    .max(63)
    .optional(),
  /** The PEM private key itself (line breaks may be written as \n), or: */
  MAIL_DKIM_PRIVATE_KEY: z.string().trim().optional(),
  /** a file holding it (e.g. a mounted secret). */
  MAIL_DKIM_PRIVATE_KEY_FILE: z.string().trim().optional(),
});

/**
 * DKIM from the environment (optional): MAIL_DKIM_SELECTOR with MAIL_DKIM_PRIVATE_KEY or
 * MAIL_DKIM_PRIVATE_KEY_FILE signs every message for MAIL_FROM_DOMAIN, the domain every tenant's
 * sender address is on; publish the public key at `<selector>._domainkey.<domain>`. Null when
 * none is set. Half a configuration, or a key that is not a private key, is an error at start,
 * not mail that silently goes out unsigned.
 */
export function dkimSettings(env: Record<string, string | undefined> = process.env): DkimSettings | null {
  const e = ZDkimEnv.parse({
    MAIL_DKIM_SELECTOR: env.MAIL_DKIM_SELECTOR || undefined,
    MAIL_DKIM_PRIVATE_KEY: env.MAIL_DKIM_PRIVATE_KEY || undefined,
    MAIL_DKIM_PRIVATE_KEY_FILE: env.MAIL_DKIM_PRIVATE_KEY_FILE || undefined,
  });
  const hasKey = Boolean(e.MAIL_DKIM_PRIVATE_KEY || e.MAIL_DKIM_PRIVATE_KEY_FILE);
  if (!e.MAIL_DKIM_SELECTOR && !hasKey) return null;
  if (!e.MAIL_DKIM_SELECTOR || !hasKey) throw new Error("DKIM needs both MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY (or MAIL_DKIM_PRIVATE_KEY_FILE)");
  if (e.MAIL_DKIM_PRIVATE_KEY && e.MAIL_DKIM_PRIVATE_KEY_FILE) throw new Error("set MAIL_DKIM_PRIVATE_KEY or MAIL_DKIM_PRIVATE_KEY_FILE, not both");
  const privateKey = e.MAIL_DKIM_PRIVATE_KEY_FILE ? fs.readFileSync(e.MAIL_DKIM_PRIVATE_KEY_FILE, "utf8") : e.MAIL_DKIM_PRIVATE_KEY!.replace(/\\n/g, "\n");
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(privateKey);
  } catch {
    throw new Error("MAIL_DKIM_PRIVATE_KEY is not a PEM private key");
  }
  if (key.asymmetricKeyType !== "rsa" && key.asymmetricKeyType !== "ed25519") throw new Error("the DKIM key must be RSA or Ed25519");
  return { domainName: mailSettings(env).fromDomain, keySelector: e.MAIL_DKIM_SELECTOR, privateKey };
}
