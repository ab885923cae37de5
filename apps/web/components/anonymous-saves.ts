"use client";
// What a visitor saves before signing in stays in this browser (localStorage) until
// /account merges it into the account through POST /api/user/sync.

const HOMES = "saved-homes";
const SEARCHES = "saved-searches";

function read<T>(key: string): T[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export const isSignedIn = () => document.cookie.split(";").some((c) => c.trim() === "visitor_signed_in=1");
export const anonymousHomes = () => read<string>(HOMES).filter((k) => typeof k === "string");
export const anonymousSearches = () => read<{ name: string; query: Record<string, string> }>(SEARCHES);

export function toggleAnonymousHome(listingKey: string): boolean {
  const homes = anonymousHomes();
  const saved = !homes.includes(listingKey);
  localStorage.setItem(HOMES, JSON.stringify(saved ? [...homes, listingKey] : homes.filter((k) => k !== listingKey)));
  return saved;
}

export function addAnonymousSearch(search: { name: string; query: Record<string, string> }): void {
  const searches = anonymousSearches().filter((s) => JSON.stringify(s.query) !== JSON.stringify(search.query));
  localStorage.setItem(SEARCHES, JSON.stringify([...searches, search].slice(-50)));
}

export function clearAnonymousSaves(): void {
  localStorage.removeItem(HOMES);
  localStorage.removeItem(SEARCHES);
}
