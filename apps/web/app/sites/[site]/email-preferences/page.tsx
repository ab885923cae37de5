import type { Metadata } from "next";
import { getDb } from "@real-estate/db";
import { findVisitorByEmailToken, listSavedSearchAlertSettings } from "@real-estate/sites";
import { ZEmailToken } from "@/lib/email/email-preferences";
import { siteParams } from "@/lib/site/site-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "E-mail preferences", robots: { index: false } };

type Props = { params: Promise<{ site: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FREQUENCIES = [
  ["INSTANT", "As soon as there is news"],
  ["DAILY", "Once a day"],
  ["OFF", "Never"],
] as const;

/** The page every alert e-mail links to: the token in the link opens these settings only (no sign-in). */
export default async function EmailPreferencesPage({ params, searchParams }: Props) {
  const { tenantId } = await siteParams(params);
  const sp = await searchParams;
  const token = ZEmailToken.safeParse(typeof sp.t === "string" ? sp.t : "");
  const visitor = token.success ? await findVisitorByEmailToken(getDb(), { tenantId, token: token.data }) : null;
  if (!token.success || !visitor) {
    return (
      <div className="section">
        <div className="container narrow">
          <h1>E-mail preferences</h1>
          <p>
            This link is not valid (any more). Sign in and open <a href="/account">your account</a> to change your e-mail settings.
          </p>
        </div>
      </div>
    );
  }
  const searches = await listSavedSearchAlertSettings(getDb(), { tenantId, visitorId: visitor.id });
  const done = sp.done === "unsubscribed" ? "You are unsubscribed: no more alerts will be sent." : sp.done === "saved" ? "Your preferences are saved." : null;
  return (
    <div className="section">
      <div className="container narrow">
        <p className="eyebrow">E-mail preferences</p>
        <h1>Alerts for {visitor.email}</h1>
        {done ? (
          <p role="status" className="card card-pad">
            {done}
          </p>
        ) : null}
        <form method="post" action="/api/email/preferences" className="card card-pad" style={{ display: "grid", gap: 16 }}>
          <input type="hidden" name="t" value={token.data} />
          <label>
            <input type="checkbox" name="emailAlerts" defaultChecked={visitor.emailAlerts} /> E-mail me new and changed homes matching my saved searches
          </label>
          {searches.length ? (
            <fieldset style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: 8 }}>
              <legend>How often, per saved search</legend>
              {searches.map((s) => (
                <label key={s.id} style={{ display: "grid", gap: 4 }}>
                  <span>{s.name}</span>
                  <select name={`freq:${s.id}`} defaultValue={s.alertFrequency}>
                    {FREQUENCIES.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="muted">You have no saved searches.</p>
          )}
          <button className="btn btn-primary" type="submit">
            Save preferences
          </button>
        </form>
        <form method="post" action={`/api/email/unsubscribe?t=${encodeURIComponent(token.data)}`} style={{ marginTop: 16 }}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <input type="hidden" name="return" value="1" />
          <button className="btn btn-outline" type="submit">
            Unsubscribe from all alerts
          </button>
        </form>
      </div>
    </div>
  );
}
