/**
 * A "tenant" select for GET filter forms; the value is the tenant's id (or slug with `by="slug"`).
 * `platform` adds an option for what belongs to no tenant (its value is `platform.value`).
 */
export function TenantSelect(props: {
  tenants: { id: string; slug: string; name: string }[];
  value: string | undefined;
  by?: "id" | "slug";
  maxWidth?: number;
  platform?: { value: string; label: string };
}) {
  return (
    <select name="tenant" defaultValue={props.value ?? ""} aria-label="Tenant" style={{ maxWidth: props.maxWidth ?? 240 }}>
      <option value="">All tenants</option>
      {props.platform ? <option value={props.platform.value}>{props.platform.label}</option> : null}
      {props.tenants.map((t) => (
        <option key={t.id} value={props.by === "slug" ? t.slug : t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
