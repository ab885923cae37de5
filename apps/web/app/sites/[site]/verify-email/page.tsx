import type { Metadata } from "next";
import { verifyVisitorEmail } from "@real-estate/sites";
import { siteParams } from "@/lib/site/site-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your e-mail", robots: { index: false } };

type Props = { params: Promise<{ site: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The link of the verification e-mail: proves the address (once), which lets saved-search alerts go out. */
export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const { tenantId } = await siteParams(params);
  const token = (await searchParams).token;
  const ok = typeof token === "string" && (await verifyVisitorEmail({ tenantId, token }));
  return (
    <div className="section">
      <div className="container narrow">
        <h1>{ok ? "Your e-mail is confirmed" : "This link does not work (any more)"}</h1>
        <p role="status">
          {ok
            ? "Thank you. Alerts for your saved searches can now reach you."
            : "It may have been used already or be more than three days old. Sign in and ask for a new one on your account page."}
        </p>
        <p>
          <a className="btn btn-primary" href="/account">
            My account
          </a>
        </p>
      </div>
    </div>
  );
}
