import { defineConfig } from "vitest/config";

/**
 * The unit tier: tests that need neither a build nor moto. They run the TypeScript source
 * (IAMKIT_TEST_SOURCE), so `npm run test:unit` works straight after `npm ci`.
 */
const UNIT = [
  "test/bad-input.test.ts",
  "test/help.test.ts",
  "test/operations.test.ts",
  "test/paging.test.ts",
  "test/policy-lint.test.ts",
  "test/table.test.ts",
  "test/tasks.test.ts",
];

// The harness creates its own SDK client; keep its Node 20 notice out of the test output.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 40_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: UNIT, env: { ...env, IAMKIT_TEST_SOURCE: "1" } } },
      { extends: true, test: { name: "end-to-end", include: ["test/**/*.test.ts"], exclude: UNIT, env } },
    ],
  },
});
