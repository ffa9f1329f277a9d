import type { IamClient } from "../core/operations.js";
import { UsageError } from "../core/errors.js";

/**
 * Identity providers (OpenID Connect and SAML) as IAM's API reference limits them: checked before
 * anything is sent, so a typo is named rather than answered with a bare ValidationError.
 */

/** An OIDC issuer URL: https, at most 255 characters, no query or fragment (CreateOpenIDConnectProvider). */
export function checkOidcUrl(value: string): string {
  if (!/^https:\/\/[^\s?#/]+(\/[^\s?#]*)?$/.test(value) || value.length > 255) {
    throw new UsageError(`invalid provider URL "${value}": expected https://HOST[/PATH], at most 255 characters, without ? or #`);
  }
  return value;
}

/** A client id (audience): 1 to 255 characters. */
export function checkClientId(value: string): string {
  if (value.length === 0 || value.length > 255) throw new UsageError(`invalid client id "${value}": must be 1 to 255 characters`);
  return value;
}

/** A certificate thumbprint: the SHA-1 fingerprint as 40 hexadecimal digits. */
export function checkThumbprint(value: string): string {
  if (!/^[0-9A-Fa-f]{40}$/.test(value)) throw new UsageError(`invalid thumbprint "${value}": expected 40 hexadecimal digits (a SHA-1 fingerprint)`);
  return value;
}

/** IAM's limits per OIDC provider. */
export const MAX_CLIENT_IDS = 100;
export const MAX_THUMBPRINTS = 5;

export type ProviderKind = "oidc" | "saml";

/** What findProvider() reads: the account's providers of either kind. */
export type ProviderLookups = "ListOpenIDConnectProviders" | "ListSAMLProviders";

const ARN_PATTERN: Record<ProviderKind, RegExp> = {
  oidc: /^arn:aws[\w-]*:iam::\d{12}:oidc-provider\/[^\s?#]{1,255}$/,
  saml: /^arn:aws[\w-]*:iam::\d{12}:saml-provider\/[\w.-]{1,128}$/,
};

/** A provider ARN: arn:aws:iam::<account>:oidc-provider/<host> or ...:saml-provider/<name>. */
export function checkProviderArn(kind: ProviderKind, value: string): string {
  if (!ARN_PATTERN[kind].test(value)) {
    throw new UsageError(`invalid ${kind.toUpperCase()} provider ARN "${value}": expected arn:aws:iam::<account>:${kind}-provider/${kind === "oidc" ? "<host>" : "<name>"}`);
  }
  return value;
}

/** A SAML provider name: 1 to 128 letters, digits and . _ - */
export function checkSamlProviderName(value: string): string {
  if (!/^[\w.-]{1,128}$/.test(value)) throw new UsageError(`invalid SAML provider name "${value}": use 1 to 128 letters, digits and . _ -`);
  return value;
}

/** IAM's bounds on a SAML metadata document (CreateSAMLProvider: 1,000 to 10,000,000 characters). */
export function checkSamlMetadata(document: string, file: string): string {
  if (document.length < 1000 || document.length > 10_000_000) {
    throw new UsageError(`SAML metadata ${file} has ${document.length} characters: IAM takes 1,000 to 10,000,000`);
  }
  return document;
}

/** The issuer's host and path as IAM keys providers and condition keys by it: no scheme, no trailing slash. */
export function issuerHost(urlOrHost: string): string {
  return urlOrHost.replace(/^https:\/\//, "").replace(/\/+$/, "");
}

/**
 * The ARN of this account's provider: the OIDC provider for host `issuer`, or the SAML provider
 * with this ARN; undefined when the account has none.
 */
export async function findProvider(iam: IamClient<ProviderLookups>, kind: ProviderKind, issuerOrArn: string): Promise<string | undefined> {
  const arns =
    kind === "oidc"
      ? (await iam.listOpenIDConnectProviders({})).OpenIDConnectProviderList
      : (await iam.listSAMLProviders({})).SAMLProviderList;
  const wanted = (arn: string) => (kind === "oidc" ? arn.endsWith(`:oidc-provider/${issuerOrArn}`) : arn === issuerOrArn);
  return arns?.map((p) => p.Arn!).find(wanted);
}
