// DKIM (issue 16, "DKIM optional"): with a selector and a private key configured, every message
// the worker delivers is signed for the platform's sender domain; the signature is checked on the
// bytes the SMTP server received, by an independent verifier (mailauth) against the public key as
// DNS would publish it. And the configuration is refused when it is half there or not a key.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { dkimSettings, mailJobKinds, mailSettings, queueEmails } from "@real-estate/mail";
import { testWorker } from "./helpers";
import { useSmtpSink } from "./support/smtp";

const testDb = useTestDatabase("maildkim");
const SELECTOR = "platform2026";
const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const DOMAIN = mailSettings().fromDomain;
const smtp = useSmtpSink({ keepSource: true, dkim: { domainName: DOMAIN, keySelector: SELECTOR, privateKey: privatePem } });

/** DNS as the platform's operator publishes it: the public key's TXT record at <selector>._domainkey.<domain>. */
function resolverFor(key: crypto.KeyObject) {
  const p = key.export({ type: "spki", format: "der" }).toString("base64");
  return async (name: string, rrtype: string) => {
    if (rrtype === "TXT" && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[`v=DKIM1; k=rsa; p=${p}`]];
    throw Object.assign(new Error(`no ${rrtype} record for ${name}`), { code: "ENOTFOUND" });
  };
}

const reset = (to: string) => ({
  template: "password-reset" as const,
  to: { address: to },
  props: { resetUrl: "http://x.localhost/reset?t=1", validMinutes: 30 },
});

describe("DKIM-signed delivery", () => {
  it("signs each tenant's messages for the sender domain; the received bytes verify, a changed body or another published key does not", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "dkim-a" });
    const b = await createTenantFixture(db, { slug: "dkim-b" });
    await queueEmails(db, { tenantId: a.tenantId, emails: [reset("ann@example.test")] });
    await queueEmails(db, { tenantId: b.tenantId, emails: [reset("bob@example.test")] });
    await testWorker(db, { kinds: mailJobKinds({ transport: smtp.transport }) }).worker.drainOnce();

    const received = smtp.sink.messages();
    expect(received.map((m) => m.envelope.to[0]).sort()).toEqual(["ann@example.test", "bob@example.test"]);
    for (const mail of received) {
      expect(mail.headers["dkim-signature"]).toContain(`d=${DOMAIN}`);
      const result = await dkimVerify(Buffer.from(mail.source!, "latin1"), { resolver: resolverFor(publicKey) });
      expect(result.results).toHaveLength(1);
      expect(result.results[0]).toMatchObject({ signingDomain: DOMAIN, selector: SELECTOR, status: { result: "pass" } });
      // The From address is on the signing domain, so the signature is aligned for DMARC.
      expect(result.headerFrom[0]!.endsWith(`@${DOMAIN}`)).toBe(true);

      // A changed body, or another key at the selector, does not verify.
      const tampered = mail.source!.replace("30 minutes", "90 minutes");
      expect(tampered).not.toBe(mail.source);
      const changed = (await dkimVerify(Buffer.from(tampered, "latin1"), { resolver: resolverFor(publicKey) })).results[0]!.status;
      expect(changed).toMatchObject({ result: "neutral", comment: "body hash did not verify" });
      const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
      const otherKey = (await dkimVerify(Buffer.from(mail.source!, "latin1"), { resolver: resolverFor(other) })).results[0]!.status;
      expect(otherKey.result).toBe("fail");
    }
  });

  it("covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058): a changed or removed one-click header does not verify", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "dkim-unsub" });
    const unsubscribeUrl = "http://dkim-unsub.localhost:3000/api/email/unsubscribe?t=abcdefghijklmnopqrstuvwx";
    await queueEmails(db, {
      tenantId: a.tenantId,
      emails: [
        {
          template: "saved-search-alert",
          to: { address: "alerts@example.test" },
          unsubscribeUrl,
          props: { searchName: "Homes", searchUrl: "http://dkim-unsub.localhost:3000/homes", listings: [], unsubscribeUrl, preferencesUrl: unsubscribeUrl },
        },
      ],
    });
    smtp.sink.clear();
    await testWorker(db, { kinds: mailJobKinds({ transport: smtp.transport }) }).worker.drainOnce();
    const [mail] = smtp.sink.messages();
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const verify = async (source: string) => (await dkimVerify(Buffer.from(source, "latin1"), { resolver: resolverFor(publicKey) })).results[0]!.status.result;
    expect(await verify(mail!.source!)).toBe("pass");
    const signed = /\bh=([^;]+)/.exec(mail!.headers["dkim-signature"]!.replace(/\s+/g, ""))![1]!.toLowerCase().split(":");
    expect(signed).toEqual(expect.arrayContaining(["list-unsubscribe", "list-unsubscribe-post"]));

    const post = "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    expect(mail!.source!).toContain(post);
    expect(await verify(mail!.source!.replace(post, "List-Unsubscribe-Post: List-Unsubscribe=Other\r\n"))).not.toBe("pass");
    expect(await verify(mail!.source!.replace(post, ""))).not.toBe("pass");
    expect(await verify(mail!.source!.replace(unsubscribeUrl, unsubscribeUrl.replace("abcdef", "zzzzzz")))).not.toBe("pass");
  });

  it("takes the key from the environment or a file, and refuses half a configuration or a key that is not one", () => {
    expect(dkimSettings({})).toBeNull();
    const inline = dkimSettings({ MAIL_DKIM_SELECTOR: SELECTOR, MAIL_DKIM_PRIVATE_KEY: privatePem.replace(/\n/g, "\\n") });
    expect(inline).toEqual({ domainName: DOMAIN, keySelector: SELECTOR, privateKey: privatePem });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dkim-"));
    try {
      const file = path.join(dir, "dkim.pem");
      fs.writeFileSync(file, privatePem, { mode: 0o600 });
      expect(dkimSettings({ MAIL_DKIM_SELECTOR: SELECTOR, MAIL_DKIM_PRIVATE_KEY_FILE: file, MAIL_FROM_DOMAIN: "mail.brokerage.example" })).toEqual({
        domainName: "mail.brokerage.example",
        keySelector: SELECTOR,
        privateKey: privatePem,
      });
      expect(() => dkimSettings({ MAIL_DKIM_SELECTOR: SELECTOR, MAIL_DKIM_PRIVATE_KEY: privatePem, MAIL_DKIM_PRIVATE_KEY_FILE: file })).toThrow(/not both/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(() => dkimSettings({ MAIL_DKIM_SELECTOR: SELECTOR })).toThrow(/needs both/);
    expect(() => dkimSettings({ MAIL_DKIM_PRIVATE_KEY: privatePem })).toThrow(/needs both/);
    expect(() => dkimSettings({ MAIL_DKIM_SELECTOR: SELECTOR, MAIL_DKIM_PRIVATE_KEY: "not a key" })).toThrow(/not a PEM private key/);
    const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(() => dkimSettings({ MAIL_DKIM_SELECTOR: SELECTOR, MAIL_DKIM_PRIVATE_KEY: publicPem })).toThrow(/not a PEM private key/);
    expect(() => dkimSettings({ MAIL_DKIM_SELECTOR: "bad selector!", MAIL_DKIM_PRIVATE_KEY: privatePem })).toThrow();
  });
});
