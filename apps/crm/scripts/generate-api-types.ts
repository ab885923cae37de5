// Writes client/crm-api-types.ts: the TypeScript types of the API document (openapi-typescript),
// which the typed client is built on. `npm run api:types -w @real-estate/crm-app` after a route or
// contract changes; a test fails while the file and the document disagree.
import fs from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";
import { buildOpenApiDocument } from "../app/api/lib/openapi";

export const API_TYPES_FILE = path.resolve(import.meta.dirname, "../client/crm-api-types.ts");

const HEADER =
  "// Generated from the CRM's API document (/api/openapi.json) by scripts/generate-api-types.ts: do not edit.\n" +
  "/* eslint-disable @typescript-eslint/consistent-type-definitions -- openapi-typescript writes `operations` as an interface */\n";

/** The types file's content for the current document, formatted as the repository formats it. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(buildOpenApiDocument())), { exportType: true });
  const config = await prettier.resolveConfig(API_TYPES_FILE);
  return prettier.format(HEADER + astToString(ast), { ...config, filepath: API_TYPES_FILE });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(API_TYPES_FILE, await generateApiTypes());
  console.log(`api:types: wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
