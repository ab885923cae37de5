import type { SiteProfile } from "@real-estate/sites";
import { townPath } from "@/lib/site/site-urls";

export function SiteFooter({ site, towns }: { site: SiteProfile; towns: { slug: string; name: string }[] }) {
  const year = new Date(site.updatedAt).getUTCFullYear();
  return (
    <footer className="site-footer">
      <div className="container">
        <div className="footer-grid">
          <div>
            <div className="footer-brand">{site.siteTitle}</div>
            {site.tagline ? <p>{site.tagline}</p> : null}
            <address style={{ fontStyle: "normal" }}>
              {site.officeAddress ? <div>{site.officeAddress}</div> : null}
              {site.contactPhone ? (
                <div>
                  <a href={`tel:${site.contactPhone.replace(/[^0-9+]/g, "")}`}>{site.contactPhone}</a>
                </div>
              ) : null}
              {site.contactEmail ? (
                <div>
                  <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
                </div>
              ) : null}
            </address>
          </div>
          <div>
            <h2>Search</h2>
            <ul>
              <li>
                <a href="/homes">All homes for sale</a>
              </li>
              <li>
                <a href="/homes?sort=newest">Newest listings</a>
              </li>
              <li>
                <a href="/homes?status=pending">Pending sales</a>
              </li>
            </ul>
          </div>
          <div>
            <h2>Towns</h2>
            <ul>
              {towns.slice(0, 6).map((t) => (
                <li key={t.slug}>
                  <a href={townPath(t.slug)}>{t.name}</a>
                </li>
              ))}
              <li>
                <a href="/towns">All towns</a>
              </li>
            </ul>
          </div>
          <div>
            <h2>Work with us</h2>
            <ul>
              <li>
                <a href="/home-value">What&apos;s my home worth?</a>
              </li>
              <li>
                <a href="/contact">Contact an agent</a>
              </li>
              <li>
                <a href="/account">My saved homes</a>
              </li>
            </ul>
          </div>
        </div>
        <div className="footer-legal">
          <span>
            © {year} {site.name}. Equal Housing Opportunity.
          </span>
          <span>Listings, photos, town facts, tax and school information on this site are sample data for demonstration.</span>
        </div>
      </div>
    </footer>
  );
}
