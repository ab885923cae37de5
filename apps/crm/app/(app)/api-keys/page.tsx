import { headers } from "next/headers";
import { listApiKeys } from "@real-estate/db/api-keys";
import { requirePageAccess } from "@/lib/page-access";
import { ApiKeyForm } from "@/components/team-forms";
import { revokeApiKeyAction } from "@/app/actions/team-actions";
import { When } from "@/components/when";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { tenant } = await requirePageAccess({ role: "OWNER", returnTo: "/api-keys" });
  const keys = await listApiKeys({ tenantId: tenant.tenantId });
  const host = (await headers()).get("host") ?? tenant.primaryHostname;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>API keys</h1>
          <div className="sub">
            For the REST API: <code>Authorization: Bearer &lt;key&gt;</code> on this brokerage&apos;s CRM address. Reference: <a href="/api/openapi.json">/api/openapi.json</a>
          </div>
        </div>
      </div>
      <section className="panel">
        <h2>Create a key</h2>
        <ApiKeyForm />
        <p className="faint" style={{ marginBottom: 0 }}>Example: <code>curl -H &quot;Authorization: Bearer rek_…&quot; http://{host}/api/leads?status=NEW</code></p>
      </section>
      <section className="panel">
        <h2>Keys</h2>
        {keys.length ? (
          <table className="data" data-testid="api-keys-table">
            <thead><tr><th>Name</th><th>Key</th><th>Created</th><th>Last used</th><th>Status</th><th></th></tr></thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td className="name">{k.name}</td>
                  <td className="mono">{k.prefix}…</td>
                  <td className="muted"><When date={k.createdAt} /></td>
                  <td className="muted">{k.lastUsedAt ? <When date={k.lastUsedAt} /> : "never"}</td>
                  <td>{k.revokedAt ? <span className="badge s-LOST">Revoked</span> : <span className="badge s-UNDER_CONTRACT">Active</span>}</td>
                  <td>
                    {!k.revokedAt && (
                      <form action={revokeApiKeyAction}>
                        <input type="hidden" name="apiKeyId" value={k.id} />
                        <button className="btn btn-sm btn-danger" type="submit">Revoke</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="muted">No keys yet.</p>}
      </section>
    </>
  );
}
