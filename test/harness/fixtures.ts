// The fixtures are plain JavaScript so that the benchmarks share them; tests import them from here.
export * from "../support/fixtures.mjs";
