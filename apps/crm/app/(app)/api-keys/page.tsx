import { headers } from "next/headers";
import { listApiKeys } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { ApiKeyForm, ApiKeyLimitForm } from "@/components/team-forms";
import { revokeApiKeyAction } from "@/app/actions/team-actions";
import { When } from "@/components/when";
import { ConfirmForm } from "@/components/confirm-form";

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
            For the REST API: <code>Authorization: Bearer &lt;key&gt;</code> on this brokerage&apos;s CRM address. Reference:{" "}
            <a href="/api/openapi.json">/api/openapi.json</a>
          </div>
        </div>
      </div>
      <section className="panel">
        <h2>Create a key</h2>
        <ApiKeyForm />
        <p className="faint" style={{ marginBottom: 0 }}>
          Example: <code>curl -H &quot;Authorization: Bearer rek_…&quot; http://{host}/api/leads?status=NEW</code>
        </p>
      </section>
      <section className="panel">
        <h2>Keys</h2>
        {keys.length ? (
          <table className="data" data-testid="api-keys-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Access</th>
                <th>Per minute</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Status</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td className="name">{k.name}</td>
                  <td className="mono">{k.prefix}…</td>
                  <td>{k.scopes.join(", ")}</td>
                  <td className="muted">
                    {k.revokedAt ? k.rateLimitPerMinute : <ApiKeyLimitForm apiKeyId={k.id} name={k.name} rateLimitPerMinute={k.rateLimitPerMinute} />}
                  </td>
                  <td className="muted">
                    <When date={k.createdAt} />
                  </td>
                  <td className="muted">{k.lastUsedAt ? <When date={k.lastUsedAt} /> : "never"}</td>
                  <td>{k.revokedAt ? <span className="badge s-LOST">Revoked</span> : <span className="badge s-UNDER_CONTRACT">Active</span>}</td>
                  <td>
                    {!k.revokedAt && (
                      <ConfirmForm
                        action={revokeApiKeyAction}
                        fields={{ apiKeyId: k.id }}
                        message={`Revoke the key “${k.name}”? Anything using it stops working within 5 seconds.`}
                        label="Revoke"
                        ariaLabel={`Revoke ${k.name}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No keys yet.</p>
        )}
      </section>
    </>
  );
}
