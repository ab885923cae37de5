/** A "tenant" select for GET filter forms; the value is the tenant's id (or slug with `by="slug"`). */
export function TenantSelect(props: {
  tenants: { id: string; slug: string; name: string }[];
  value: string | undefined;
  by?: "id" | "slug";
  maxWidth?: number;
}) {
  return (
    <select name="tenant" defaultValue={props.value ?? ""} aria-label="Tenant" style={{ maxWidth: props.maxWidth ?? 240 }}>
      <option value="">All tenants</option>
      {props.tenants.map((t) => (
        <option key={t.id} value={props.by === "slug" ? t.slug : t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
