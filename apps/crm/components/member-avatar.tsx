/** A member's photo, or their initials when they have none. */
export function MemberAvatar({ name, src, size = 32 }: { name: string; src: string | null; size?: number }) {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join("") || "?";
  const style = { width: size, height: size, borderRadius: "50%", flex: "none", objectFit: "cover" as const };
  if (src) {
    return <img src={src} alt={`Photo of ${name}`} width={size} height={size} style={style} data-testid="member-photo" />;
  }
  return (
    <span
      aria-hidden="true"
      style={{ ...style, display: "inline-grid", placeItems: "center", background: "var(--brand, #334)", color: "#fff", fontWeight: 600, fontSize: size / 2.6 }}
    >
      {initials}
    </span>
  );
}
