import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@real-estate/db";
import { ensureVisitorEmailToken, getVisitorBySession, listSavedListings, listSavedSearches } from "@real-estate/sites";
import { AccountSync } from "@/components/account-sync";
import { ProfileForm } from "@/components/forms/profile-form";
import { ListingCard } from "@/components/listing-card";
import { pickSearchParams, searchHref } from "@/lib/search/search-path";
import { SESSION_COOKIE } from "@/lib/visitors/session-cookie";
import { siteParams } from "@/lib/site/site-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My account", robots: { index: false } };

type Props = { params: Promise<{ site: string }> };

/** The signed-in visitor's saved homes, saved searches and profile (this tenant's account only). */
export default async function AccountPage({ params }: Props) {
  const { tenantId } = await siteParams(params);
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const visitor = await getVisitorBySession({ tenantId, token });
  if (!visitor) redirect("/sign-in?next=%2Faccount");
  const [homes, searches, verified, emailToken] = await Promise.all([
    listSavedListings({ tenantId, visitorId: visitor.id }),
    listSavedSearches({ tenantId, visitorId: visitor.id }),
    getDb().visitor.findUnique({ where: { tenantId_id: { tenantId, id: visitor.id } }, select: { emailVerifiedAt: true } }),
    ensureVisitorEmailToken(getDb(), { tenantId, visitorId: visitor.id }),
  ]);
  return (
    <div className="section">
      <div className="container">
        <div className="section-head">
          <div>
            <p className="eyebrow">My account</p>
            <h1>Welcome{visitor.name ? `, ${visitor.name.split(" ")[0]}` : ""}</h1>
          </div>
          <form method="post" action="/api/auth/sign-out">
            <button className="btn btn-outline" type="submit">
              Sign out
            </button>
          </form>
        </div>
        <AccountSync />
        {verified?.emailVerifiedAt ? null : (
          <div className="card card-pad" role="status" style={{ marginBottom: 24 }}>
            <p style={{ marginTop: 0 }}>
              Please confirm {visitor.email} with the link we e-mailed you: alerts for your saved searches start once it is confirmed.
            </p>
            <form method="post" action="/api/user/verify-email">
              <button className="btn btn-outline small" type="submit">
                Send the link again
              </button>
            </form>
          </div>
        )}
        <div className="account-grid">
          <div>
            <section aria-labelledby="saved-homes-h" id="saved-homes">
              <h2 id="saved-homes-h">
                Saved homes{" "}
                <span className="muted" style={{ fontWeight: 400 }}>
                  ({homes.length})
                </span>
              </h2>
              {homes.length ? (
                <div className="grid grid-3" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 260px), 1fr))" }}>
                  {homes.map(({ listing }) => (
                    <div key={listing.ListingKey} style={{ display: "grid", gap: 8 }}>
                      <ListingCard listing={listing} />
                      <form method="post" action="/api/user/saved-listings">
                        <input type="hidden" name="_method" value="delete" />
                        <input type="hidden" name="listingKey" value={listing.ListingKey} />
                        <button className="btn btn-ghost small" type="submit">
                          Remove from saved homes
                        </button>
                      </form>
                    </div>
                  ))}
                </div>
              ) : (
                <div className="card card-pad">
                  <p style={{ margin: 0 }}>
                    No saved homes yet. Tap <strong>Save home</strong> on any listing to keep it here. <a href="/homes">Browse homes</a>
                  </p>
                </div>
              )}
            </section>
            <section aria-labelledby="saved-searches-h" id="saved-searches" style={{ marginTop: 40 }}>
              <h2 id="saved-searches-h">
                Saved searches{" "}
                <span className="muted" style={{ fontWeight: 400 }}>
                  ({searches.length})
                </span>
              </h2>
              {searches.length ? (
                <ul className="card plain-list" style={{ padding: "4px 20px" }}>
                  {searches.map((s) => (
                    <li key={s.id}>
                      <a href={searchHref(pickSearchParams(new URLSearchParams(s.query)))}>{s.name}</a>
                      <form method="post" action="/api/user/saved-searches">
                        <input type="hidden" name="_method" value="delete" />
                        <input type="hidden" name="id" value={s.id} />
                        <button className="btn btn-ghost small" type="submit" aria-label={`Delete saved search ${s.name}`}>
                          Delete
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="card card-pad">
                  <p style={{ margin: 0 }}>
                    No saved searches yet. Use <strong>Save this search</strong> on the <a href="/homes">search page</a>.
                  </p>
                </div>
              )}
            </section>
          </div>
          <aside className="card card-pad" aria-labelledby="profile-h">
            <h2 id="profile-h" style={{ fontSize: "1.2rem" }}>
              Profile
            </h2>
            <ProfileForm profile={visitor} />
            <p style={{ marginBottom: 0 }}>
              <a href={`/email-preferences?t=${encodeURIComponent(emailToken)}`}>E-mail alert preferences</a>
            </p>
          </aside>
        </div>
      </div>
    </div>
  );
}
