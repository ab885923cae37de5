// Invented people for sample listings and CRM contacts.
export const FIRST_NAMES = [
  "Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Harper", "Rowan", "Emerson", "Sawyer",
  "Elena", "Marcus", "Priya", "Daniel", "Grace", "Omar", "Hannah", "Lucas", "Mei", "Noah",
  "Sofia", "Theo", "Isabel", "Caleb", "Nadia", "Owen", "Leah", "Felix", "Maya", "Jonah",
] as const;

export const LAST_NAMES = [
  "Sample", "Example", "Placeholder", "Demo", "Testwell", "Marlowe", "Fenwick", "Ashby", "Calloway", "Brennan",
  "Whitaker", "Lindqvist", "Okafor", "Castellano", "Hartwell", "Novak", "Prescott", "Delgado", "Haverford", "Kimura",
] as const;

export const AGENT_NAMES = [
  "Alex Sample", "Jamie Example", "Taylor Demo", "Robin Placeholder", "Chris Fenwick (sample)",
  "Dana Whitaker (sample)", "Pat Calloway (sample)", "Sam Hartwell (sample)",
] as const;
