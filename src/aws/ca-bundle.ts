import { resolve } from "node:path";
import { rootCertificates } from "node:tls";
import { ConfigError } from "../core/errors.js";
import type { ProfileSettings } from "./shared-config.js";
import { readRegularFile } from "./key-value-file.js";

export interface CaBundle {
  file: string;
  /** Where it was named, for `-d` and errors. */
  source: string;
  /** Node's default trust store plus the bundle's certificates (and NODE_EXTRA_CA_CERTS'). */
  ca: string[];
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Far above any real bundle (the public CAs together take about 200 KiB). */
const MAX_BUNDLE = { maxBytes: 16 * 1024 * 1024, kind: "a CA bundle" };

async function readCertificates(file: string, cwd: string, source: string): Promise<string[]> {
  const { bytes } = (await readRegularFile(resolve(cwd, file), `CA bundle ${file} (${source})`, MAX_BUNDLE))!;
  const certificates = bytes.toString("utf8").match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) throw new ConfigError(`CA bundle ${file} (${source}) holds no PEM certificate`);
  return certificates;
}

/**
 * AWS_CA_BUNDLE, else the profile's `ca_bundle`: extra certificate authorities trusted in addition
 * to Node's own, as the aws CLI does. Giving Node a CA list replaces its default store, so the
 * defaults and NODE_EXTRA_CA_CERTS (which Node only adds to the default store) are included.
 */
export async function loadCaBundle(env: NodeJS.ProcessEnv, profile: ProfileSettings, cwd: string): Promise<CaBundle | undefined> {
  const named = env.AWS_CA_BUNDLE
    ? { file: env.AWS_CA_BUNDLE, source: "AWS_CA_BUNDLE" }
    : profile.caBundle
      ? { file: profile.caBundle, source: `ca_bundle of profile ${profile.name} in ${profile.file}` }
      : undefined;
  if (!named) return undefined;
  const own = await readCertificates(named.file, cwd, named.source);
  // Node only warns about an unreadable NODE_EXTRA_CA_CERTS and goes on; so does iamkit.
  const extra = env.NODE_EXTRA_CA_CERTS
    ? await readCertificates(env.NODE_EXTRA_CA_CERTS, cwd, "NODE_EXTRA_CA_CERTS").catch(() => [])
    : [];
  return { ...named, ca: [...rootCertificates, ...extra, ...own] };
}
