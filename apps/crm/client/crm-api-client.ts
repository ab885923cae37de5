// A small typed client of the CRM API: openapi-fetch over the types generated from the API
// document (crm-api-types.ts), so a call's path, parameters, body and answer are checked by the
// compiler against what the routes document.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./crm-api-types";

export type CrmApiClient = Client<paths>;
export type CrmApiSchemas = components["schemas"];

export function createCrmApiClient(options: {
  /** The brokerage's CRM address, e.g. `https://crm.example-realty.com` (the tenant is the host). */
  baseUrl: string;
  /** An API key (`rek_…`), sent as `Authorization: Bearer`. */
  apiKey: string;
  /** Another fetch (tests hand the requests to the route handlers). Default: the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
}): CrmApiClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch && { fetch: options.fetch }),
  });
}
