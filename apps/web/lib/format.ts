const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export const formatPrice = (n: number) => usd.format(n);
export const formatNumber = (n: number) => int.format(n);

/** $1.2M / $640K: compact prices for cards and filters. */
export function formatPriceShort(n: number): string {
  if (n >= 1_000_000) return `$${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 2).replace(/0$/, "")}M`;
  if (n >= 1_000) return `$${Math.round(n / 1_000)}K`;
  return usd.format(n);
}

/** "Single Family Residence" / "SingleFamilyResidence" → "Single Family Residence". */
export function humanize(value: string | null | undefined): string {
  if (!value) return "";
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .trim();
}

export function slugify(value: string): string {
  return humanize(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** 0.8500000001 → "0.85". */
export const formatAcres = (n: number) => String(Math.round(n * 100) / 100);

/**
 * A listing's street line and full address. RESO's UnparsedAddress may or may not already carry
 * the city, state and postal code; both shapes read the same here.
 */
export function listingAddress(l: { UnparsedAddress: string; City: string; StateOrProvince: string; PostalCode: string }): { street: string; full: string } {
  const unparsed = l.UnparsedAddress.trim();
  const at = unparsed.toLowerCase().indexOf(`, ${l.City.toLowerCase()}`);
  const street = at > 0 ? unparsed.slice(0, at) : unparsed;
  return { street, full: `${street}, ${l.City}, ${l.StateOrProvince} ${l.PostalCode}` };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
