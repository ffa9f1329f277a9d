import type { Role } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { optionGroup, type OptionsOf } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { policyChecks } from "./options.js";
import { checkClientId, checkOidcUrl, checkProviderArn, findProvider, issuerHost, type ProviderKind, type ProviderLookups } from "../../iam/federation.js";
import { decodePolicy } from "../../output/print.js";
import { documentLines } from "../../iam/inline-policies.js";
import { checkPolicyDocument, GENERATED } from "../../iam/policy.js";
import { readPolicyDocument } from "../../iam/policy-input.js";

/**
 * A role's trust policy (who may assume it), as iam-rolecreate and iam-roleupdateassumepolicy take
 * it: built from a service principal with -s, for an identity provider of the account with
 * --web-identity or --saml-provider, or written by hand in a file with -f.
 */

/** The parsed trustPolicySource() options. */
export type TrustPolicySource = OptionsOf<ReturnType<typeof trustPolicySource>>;

/** Service principals are DNS names (ec2.amazonaws.com, states.eu-west-1.amazonaws.com). */
const SERVICE_PRINCIPAL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function checkServicePrincipal(value: string): string {
  if (value.length > 253 || !SERVICE_PRINCIPAL.test(value)) {
    throw new UsageError(`invalid service "${value}": expected a service principal such as ec2.amazonaws.com`);
  }
  return value;
}

/** GitHub Actions' issuer: IAM refuses a role trusting it without a subject that names an owner. */
const GITHUB_ACTIONS = "token.actions.githubusercontent.com";
/** The audience AWS's own token exchange (and GitHub's configure-aws-credentials) asks for. */
const STS_AUDIENCE = "sts.amazonaws.com";

export const trustPolicySource = () =>
  optionGroup([
    {
      key: "service",
      short: "s",
      long: "service",
      metavar: "SERVICE",
      description: "let this service assume the role, such as ec2.amazonaws.com (the trust policy is built for it)",
      parse: checkServicePrincipal,
    },
    {
      key: "trustPolicyFile",
      short: "f",
      long: "trust-policy",
      metavar: "TRUSTPOLICYFILE",
      description: "file holding the trust policy document (- reads standard input)",
    },
    {
      key: "webIdentity",
      long: "web-identity",
      metavar: "HOST",
      description: "let tokens from this account's OpenID Connect provider for HOST assume the role, such as token.actions.githubusercontent.com",
      // The host is the issuer URL without its scheme: checked as that URL.
      parse: (raw) => issuerHost(checkOidcUrl(`https://${issuerHost(raw)}`)),
    },
    {
      key: "subjects",
      long: "subject",
      metavar: "PATTERN",
      description: "with --web-identity: a token subject (sub) that may assume the role, * and ? as wildcards, such as repo:OWNER/REPO:ref:refs/heads/main",
      repeatable: true,
    },
    {
      key: "audience",
      long: "audience",
      metavar: "AUDIENCE",
      description: `with --web-identity: the audience (aud) the tokens must carry, defaults to ${STS_AUDIENCE}`,
      parse: checkClientId,
    },
    {
      key: "samlProvider",
      long: "saml-provider",
      metavar: "PROVIDERARN",
      description: "let users signed in through this SAML provider of the account assume the role",
      parse: (raw) => checkProviderArn("saml", raw),
    },
    ...policyChecks(),
  ]);

const hasWildcard = (pattern: string) => /[*?]/.test(pattern);

/** Why a --subject pattern would let anyone in, or undefined when it is narrow enough. */
function tooWideSubject(host: string, pattern: string): string | undefined {
  if (/^[*?]*$/.test(pattern)) return `--subject "${pattern}" matches every subject`;
  if (host === GITHUB_ACTIONS && hasWildcard(pattern) && !/^repo:[^*?/]+\//.test(pattern)) {
    return `--subject "${pattern}" would let repositories of any GitHub owner assume the role: start it with repo:OWNER/`;
  }
  return undefined;
}

/** The cross-option rule for trustPolicySource(): exactly one source, and the web-identity details only with it. */
export function exactlyOneTrustSource({ service, trustPolicyFile, webIdentity, samlProvider, subjects, audience }: TrustPolicySource): string | undefined {
  const given = [service, trustPolicyFile, webIdentity, samlProvider].filter((source) => source !== undefined).length;
  if (service !== undefined && trustPolicyFile !== undefined && given === 2) return "give the trust policy with -s SERVICE or -f FILE, not both";
  if (given > 1) return "give the trust policy with one of -s, -f, --web-identity and --saml-provider";
  if (given === 0) return "a trust policy is required: -s SERVICE or -f FILE";
  if (webIdentity === undefined) return subjects || audience ? "--subject and --audience go with --web-identity" : undefined;
  if (webIdentity === GITHUB_ACTIONS && !subjects) return `--web-identity ${GITHUB_ACTIONS} needs --subject repo:OWNER/REPO:...: without one any GitHub repository could assume the role`;
  return (subjects ?? []).map((pattern) => tooWideSubject(webIdentity, pattern)).find(Boolean);
}

/**
 * The policy -s builds: one Allow statement letting the service call sts:AssumeRole, with
 * Principal.Service and Action as one-element lists. euca2ools wrote Version 2008-10-17; iamkit
 * writes 2012-10-17, the version its *addpolicy documents carry.
 */
function serviceTrustPolicy(service: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: [service] }, Action: ["sts:AssumeRole"] }],
  });
}

/** One statement letting the identity provider `providerArn` vouch for whoever `action` assumes the role as. */
function federatedTrustPolicy(providerArn: string, action: string, Condition: Record<string, Record<string, string | string[]>>): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Federated: [providerArn] }, Action: [action], Condition }],
  });
}

/**
 * --web-identity: the token's audience must match exactly; its subject must match one of the
 * --subject patterns, compared with StringLike as soon as one has a wildcard.
 */
function webIdentityTrustPolicy(providerArn: string, host: string, audience: string, subjects: string[] | undefined): string {
  const Condition: Record<string, Record<string, string | string[]>> = { StringEquals: { [`${host}:aud`]: audience } };
  if (subjects) {
    const operator = subjects.some(hasWildcard) ? "StringLike" : "StringEquals";
    Condition[operator] = { ...Condition[operator], [`${host}:sub`]: subjects };
  }
  return federatedTrustPolicy(providerArn, "sts:AssumeRoleWithWebIdentity", Condition);
}

/** --saml-provider: SAML assertions meant for the AWS sign-in endpoint. */
const samlTrustPolicy = (providerArn: string) =>
  federatedTrustPolicy(providerArn, "sts:AssumeRoleWithSAML", { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } });

/** The ARN of the account's provider a trust policy names; a missing one stops the command before it changes anything. */
async function requireProvider(ctx: Context<ProviderLookups>, kind: ProviderKind, issuerOrArn: string): Promise<string> {
  const arn = await findProvider(ctx.iam, kind, issuerOrArn);
  if (arn) return arn;
  throw new UsageError(
    kind === "oidc"
      ? `this account has no OpenID Connect provider for ${issuerOrArn}: create it first (iam-oidcprovidercreate -u https://${issuerOrArn})`
      : `this account has no SAML provider ${issuerOrArn}: create it first (iam-samlprovidercreate)`,
  );
}

/** The policy built for -s, --web-identity or --saml-provider; undefined for -f. */
async function builtTrustPolicy(ctx: Context<ProviderLookups>, { service, webIdentity, subjects, audience, samlProvider }: TrustPolicySource): Promise<string | undefined> {
  if (service !== undefined) return serviceTrustPolicy(service);
  if (webIdentity !== undefined) {
    return webIdentityTrustPolicy(await requireProvider(ctx, "oidc", webIdentity), webIdentity, audience ?? STS_AUDIENCE, subjects);
  }
  if (samlProvider !== undefined) return samlTrustPolicy(await requireProvider(ctx, "saml", samlProvider));
  return undefined;
}

/** The document to send for role `roleName`: built from the options or read from -f, and checked before anything changes. */
export async function readTrustPolicy(ctx: Context<ProviderLookups>, source: TrustPolicySource, roleName: string): Promise<string> {
  const { trustPolicyFile, lint, validate } = source;
  const target = { entity: "trust", name: roleName } as const;
  const built = await builtTrustPolicy(ctx, source);
  return built !== undefined
    ? checkPolicyDocument(ctx, built, GENERATED, { ...target, lint, validate })
    : readPolicyDocument(ctx, { policyDocumentFile: trustPolicyFile, lint, validate }, target);
}

/** A role whose trust policy is URL-decoded, so that --json shows it as written. */
export function withDecodedTrustPolicy(role: Role | undefined /* a dry run creates none */): Role & { AssumeRolePolicyDocument: string } {
  return { ...role!, AssumeRolePolicyDocument: decodePolicy(role?.AssumeRolePolicyDocument) };
}

/** The legacy role lines: ARN, role id, then the trust policy line for line as stored. */
export function roleLines(role: Role & { AssumeRolePolicyDocument: string }): string[] {
  return [role.Arn!, role.RoleId!, ...documentLines(role.AssumeRolePolicyDocument)];
}
