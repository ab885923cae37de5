/**
 * Field name (dotted path) → messages: the `fields` of a 4xx answer. Defined here so that domain
 * packages, which may not import the request layer, return the same shape the apps send.
 */
export type FieldErrors = Record<string, string[]>;
