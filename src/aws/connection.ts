// Everything a run that talks to IAM needs before its first request, behind one import: the
// bundle then holds it in one file, so a call loads one module where it loaded six.
export { loadClientConfig } from "./client-config.js";
export { resolveCredentials } from "./credentials.js";
export { createIamClient, createStsClient, resolveEndpoint, resolveStsEndpoint } from "./client.js";
export { readProfileSettings } from "./shared-config.js";
export { resolveRegion } from "./partition.js";
export * as network from "./network.js";
export { lazyRecord, propagationBudget } from "./propagation.js";
