import { initials } from "@/lib/format";

export function TenantDot({ name, color, logoUrl }: { name: string; color: string; logoUrl?: string | null }) {
  if (logoUrl) {
    return (
      <img src={logoUrl} alt="" width={28} height={28} style={{ borderRadius: 7, objectFit: "contain", background: "#fff", border: "1px solid var(--line)" }} />
    );
  }
  return (
    <span className="tenant-dot" style={{ background: color }} aria-hidden>
      {initials(name)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return status === "SUSPENDED" ? <span className="badge bad">suspended</span> : <span className="badge ok">active</span>;
}
