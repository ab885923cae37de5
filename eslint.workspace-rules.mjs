// The direction check of `npm run lint`: which workspace may import which, no reaching into
// another package's files, and every imported package declared in the importer's package.json.
// Rules from eslint-plugin-import-x; imports resolved like TypeScript does (package `exports`,
// workspace links, the apps' `@/` alias) by eslint-import-resolver-typescript.
import fs from "node:fs";
import path from "node:path";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const root = import.meta.dirname;

/**
 * Each package and the workspace packages it must not import. Apps, services, bench, tests and
 * root scripts sit on top: no package imports them. Imports point one way:
 * apps and the worker -> auth, operator, crm, sites, demo -> queue -> db -> types.
 * The request layer (http) sits beside queue and db: apps and domain packages use it; it uses
 * only types.
 */
const MUST_NOT_IMPORT = {
  types: ["db", "queue", "http", "crm", "sites", "operator", "auth", "demo", "mail", "integrations"],
  db: ["types", "queue", "http", "crm", "sites", "operator", "auth", "demo", "mail", "integrations"],
  queue: ["http", "crm", "sites", "operator", "auth", "demo", "mail", "integrations"],
  http: ["db", "queue", "crm", "sites", "operator", "auth", "demo", "mail", "integrations"],
  sites: ["queue", "crm", "operator", "auth", "demo", "mail"],
  mail: ["http", "crm", "sites", "operator", "auth", "demo", "integrations"],
  crm: ["sites", "operator", "auth", "demo"],
  // Outbound webhooks (and later the inbound mapping): crm calls it inside its transactions.
  integrations: ["http", "crm", "sites", "operator", "auth", "demo", "mail", "feeds"],
  operator: ["crm", "auth", "demo"],
  auth: ["operator", "demo"],
  demo: ["queue", "crm", "operator", "auth", "feeds"],
  // The feeds' tests use the local RESO server from demo; their runtime code may not (rule below).
  feeds: ["crm", "operator", "auth"],
};
const ON_TOP = ["apps", "services", "bench", "tests", "scripts"];

const zones = Object.entries(MUST_NOT_IMPORT).map(([name, forbidden]) => ({
  target: `./packages/${name}`,
  from: [...forbidden.map((other) => `./packages/${other}`), ...ON_TOP.map((dir) => `./${dir}`)],
  message: `see packages/${name}/README.md: imports point apps -> domain packages -> queue -> db -> types`,
}));

/** Workspace folders (with their package names), from the root package.json's patterns. */
function workspaces() {
  const patterns = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).workspaces;
  const dirs = patterns.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? fs
          .readdirSync(path.join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => `${pattern.slice(0, -2)}/${d.name}`)
      : [pattern],
  );
  return dirs
    .filter((dir) => fs.existsSync(path.join(root, dir, "package.json")))
    .map((dir) => ({ dir, name: JSON.parse(fs.readFileSync(path.join(root, dir, "package.json"), "utf8")).name }));
}

/** Files where devDependencies (and the root's dev tools) may be imported. */
const DEV_FILES = [
  "**/test/**",
  "packages/db/src/testing/**",
  "packages/http/src/testing/**",
  "packages/types/src/testing/**",
  "**/*.test.ts",
  "**/vitest*.config.ts",
  "**/scripts/**",
  "bench/**",
  "tests/**",
];

const DEMO_IMPORTS = { regex: "^@real-estate/demo(/.*)?$", message: "demo data is for npm start, the seed and tests" };
const TESTING_IMPORTS = { regex: "^@real-estate/[a-z-]+/testing$", message: "a package's testing entry is for tests only" };

export const workspaceRules = [
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: ["tsconfig.json", "{apps,packages,services,tests}/*/tsconfig.json", "bench/tsconfig.json"],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones }],
      "import-x/no-relative-packages": "error",
    },
  },
  {
    // Runtime code of the apps and the worker never imports the demo data; the web app's
    // sample-photo route (a stand-in for an MLS photo host) may use its photo renderer.
    files: ["apps/*/{app,components,lib}/**/*.{ts,tsx}", "apps/*/proxy.ts", "services/*/src/**/*.ts", "packages/feeds/src/**/*.ts"],
    ignores: ["apps/web/app/sites/*/media/listings/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [DEMO_IMPORTS, TESTING_IMPORTS] }],
    },
  },
  {
    // Nor does the packages' runtime code import a package's testing entry (test helpers that
    // load vitest); the testing folders may build on each other.
    files: ["packages/*/src/**/*.ts"],
    ignores: ["packages/*/src/testing/**", "packages/feeds/src/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [TESTING_IMPORTS] }] },
  },
  ...workspaces().map(({ dir, name }) => ({
    files: [`${dir}/**/*.{ts,tsx}`],
    rules: {
      "import-x/no-extraneous-dependencies": [
        "error",
        {
          // The workspace's own package.json, then the root's (its dev tools serve every workspace).
          packageDir: [path.join(root, dir), root],
          devDependencies: DEV_FILES.map((glob) => path.join(root, glob)),
          includeInternal: true,
          includeTypes: true,
          whitelist: [name],
        },
      ],
    },
  })),
  {
    // The root's own scripts (npm start, npm test) declare what they import in the root package.json.
    files: ["scripts/**/*.ts"],
    rules: { "import-x/no-extraneous-dependencies": ["error", { packageDir: root, includeInternal: true, includeTypes: true }] },
  },
];
