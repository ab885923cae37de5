// A per-process count of membership changes (a member removed, a role changed). Whoever remembers
// a membership for a few seconds (the auth package's verified members, decision 0050) notes the
// count when it reads the row and forgets what it read when the count has moved since: a change
// made in this process applies to the member's next request.
const globalForChanges = globalThis as unknown as { __membershipChanges?: { n: number } };
const changes = (globalForChanges.__membershipChanges ??= { n: 0 });

/** How many membership changes this process has made (only compared, never meaningful alone). */
export function membershipChangeCount(): number {
  return changes.n;
}

/** Counts one membership change in this process (before and after its transaction commits). */
export function noteMembershipChange(): void {
  changes.n++;
}
