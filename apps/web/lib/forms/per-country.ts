/**
 * The most countries one process keeps a schema for: ISO 3166-1 names 249, so every tenant's
 * country fits; past it, the one made longest ago is dropped (made again if asked for).
 */
export const PER_COUNTRY_LIMIT = 256;

/**
 * `make(country)` made once per country and then reused. For the form schemas that read phones
 * in the tenant's country: building a zod object schema costs far more than using one (zod
 * compiles its parser and walks it for cycles at its first parse, once per schema object), and
 * built per request it was most of the lead endpoint's own CPU (decision 0113). A schema depends
 * on nothing but the country, so an entry never goes stale.
 */
export function perCountry<T>(make: (country: string) => T, limit: number = PER_COUNTRY_LIMIT): (country: string) => T {
  const made = new Map<string, T>();
  return (country) => {
    const known = made.get(country);
    if (known !== undefined) return known;
    const value = make(country);
    if (made.size >= limit) made.delete(made.keys().next().value!);
    made.set(country, value);
    return value;
  };
}
