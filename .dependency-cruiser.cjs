// The layers of src/, top to bottom; a module may import its own layer and the layers below it,
// never one above. CONTRIBUTING.md shows the same table; test/layers.test.ts runs this check in
// `npm test`.
//
//   runner    src/cli, src/gen      bins' entry, dispatcher, parsing; bins/docs/man generators (apart)
//   usage     src/usage             what both show of a command: help, global options, bin names, completion
//   commands  src/commands          one spec + run per command; shared/: the parts commands are built from
//   domain    src/iam               what to call in which order: deletes, policies, paging, credential files
//   adapters  src/aws, src/certs    the SDK client, retries, HTTP, credentials; X.509 keys and certificates
//   core      src/core              the command-spec vocabulary: define, errors, context, dry-run types
//   output    src/output            terminal text: escaping, colour, list layouts, standard output
const LAYERS = [
  { name: "runner", path: "^src/(cli|gen)/" },
  { name: "usage", path: "^src/usage/" },
  { name: "commands", path: "^src/commands/" },
  { name: "domain", path: "^src/iam/" },
  { name: "adapters", path: "^src/(aws|certs)/" },
  { name: "core", path: "^src/core/" },
  { name: "output", path: "^src/output/" },
];

/** One rule per layer: nothing in it may import a layer above it. */
const upwardImports = LAYERS.slice(1).map((layer, i) => ({
  name: `no-upward-from-${layer.name}`,
  comment: `${layer.name} (${layer.path}) may import only itself and the layers below it`,
  severity: "error",
  from: { path: layer.path },
  to: { path: LAYERS.slice(0, i + 1).map((above) => above.path) },
}));

/** Two rules: neither folder may import the other. */
const apart = (name, one, other, comment) => [
  { name, comment, severity: "error", from: { path: one }, to: { path: other } },
  { name: `${name}-reverse`, comment, severity: "error", from: { path: other }, to: { path: one } },
];

module.exports = {
  forbidden: [
    ...upwardImports,
    ...apart("runners-apart", "^src/cli/", "^src/gen/", "running a command and generating files share what they need through src/usage, not each other"),
    ...apart("adapters-apart", "^src/aws/", "^src/certs/", "the SDK adapter and the certificate adapter do not know each other"),
    {
      name: "no-circular",
      comment: "no module reaches itself through its imports, type-only imports included",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-orphans",
      comment: "every module is imported by another or imports one (entry points aside)",
      severity: "error",
      from: { orphan: true, path: "^src/", pathNot: "^src/cli/main\\.ts$" },
      to: {},
    },
    {
      name: "no-unresolvable",
      comment: "every relative import names a file that exists",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a type from a layer above is still an upward dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Dynamic import() counts too: main.ts loads commands and generators on demand.
    exclude: { path: "^(node_modules|dist)/" },
  },
};
