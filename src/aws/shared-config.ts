import { devNull } from "node:os";
import { sharedConfigFile, sharedCredentialsFile } from "./credentials.js";
import { checkRegularFile } from "./key-value-file.js";

/** What iamkit reads from the AWS shared config file for the active profile. */
export interface ProfileSettings {
  /** The profile's name: --profile, AWS_PROFILE, else `default`. */
  name: string;
  /** The config file read: AWS_CONFIG_FILE, else ~/.aws/config (as the credential chain's errors name it). */
  file: string;
  region?: string;
  /** `ca_bundle`: a PEM file of extra certificate authorities. */
  caBundle?: string;
}

/**
 * Reads the active profile's `region` and `ca_bundle` from the shared config file (`[default]`,
 * `[profile NAME]`), with the SDK's own INI reader so that both tools read the file alike. The
 * command's environment is used, not the process's, so the file and profile are the ones the
 * command was given. A missing file is no profile settings, as for the aws CLI.
 */
export async function readProfileSettings(profile: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Promise<ProfileSettings> {
  const name = profile ?? env.AWS_PROFILE ?? "default";
  const file = sharedConfigFile(env, cwd);
  // The SDK reads both files whatever they are: a named pipe would hang it, a device feed it forever.
  await checkRegularFile(file, `config file ${file}`, { missingOk: true });
  const credentials = sharedCredentialsFile(env, cwd);
  await checkRegularFile(credentials, `shared credentials file ${credentials}`, { missingOk: true });
  const { loadSharedConfigFiles } = await import("@smithy/core/config");
  // The credentials file is not needed here: pointing the loader at the null device keeps secrets unread.
  const { configFile } = await loadSharedConfigFiles({ configFilepath: file, filepath: devNull, ignoreCache: true });
  const section = configFile[name] ?? {};
  return { name, file, region: section.region || undefined, caBundle: section.ca_bundle || undefined };
}
