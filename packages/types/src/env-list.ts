/**
 * A comma-separated list as an environment variable spells it (`a, b,,c`): the entries trimmed,
 * empty ones dropped, order and case kept. Unset, empty or only commas and spaces: no entries.
 * What a list must look like beyond that (lower-cased hosts, origins, at least one entry) is the
 * reader's to check.
 */
export function parseEnvList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
