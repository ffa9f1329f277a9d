import { describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

const GITHUB = "token.actions.githubusercontent.com";
const GITHUB_ARN = `arn:aws:iam::123456789012:oidc-provider/${GITHUB}`;
const THUMBPRINT = "6938fd4d98bab03faadb97b34396831e3780aea1";

/** A SAML metadata document of the size IAM requires (at least 1,000 characters). */
const METADATA = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
    <!-- ${"padding ".repeat(120)} -->
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

const oidcProviders = async () => ((await moto.iam.listOpenIDConnectProviders({})).OpenIDConnectProviderList ?? []).map((p) => p.Arn);
const githubProvider = () => moto.iam.createOpenIDConnectProvider({ Url: `https://${GITHUB}`, ClientIDList: ["sts.amazonaws.com"], ThumbprintList: [THUMBPRINT] });
const trustPolicy = async (RoleName: string) => JSON.parse(decodeURIComponent((await moto.iam.getRole({ RoleName })).Role!.AssumeRolePolicyDocument!));

describe("iam-oidcprovidercreate / list / getattributes / mod / del", () => {
  it("-v prints the new provider's ARN; list and getattributes show it as IAM holds it", async () => {
    const created = await cli("iam-oidcprovidercreate", "-u", `https://${GITHUB}`, "-c", "sts.amazonaws.com", "-t", THUMBPRINT, "--tag", "team=ci", "-v");
    expect(created).toEqual({ code: 0, stdout: `${GITHUB_ARN}\n`, stderr: "" });
    expect(await oidcProviders()).toEqual([GITHUB_ARN]);

    expect(await cli("iam-oidcproviderlist")).toEqual({ code: 0, stdout: `${GITHUB_ARN}\nIsTruncated: false\n`, stderr: "" });
    const { CreateDate } = await moto.iam.getOpenIDConnectProvider({ OpenIDConnectProviderArn: GITHUB_ARN });
    const shown = await cli("iam-oidcprovidergetattributes", "-a", GITHUB_ARN);
    expect(shown).toEqual({
      code: 0,
      stdout: `${GITHUB}\nClientID: sts.amazonaws.com\nThumbprint: ${THUMBPRINT}\nCreateDate: ${CreateDate!.toISOString()}\n`,
      stderr: "",
    });
    expect(await cli("iam-oidcproviderlisttags", "-a", GITHUB_ARN)).toEqual({ code: 0, stdout: "team=ci\nIsTruncated: false\n", stderr: "" });
  });

  it("mod adds and removes client ids and replaces the thumbprints", async () => {
    await githubProvider();
    const other = "0123456789abcdef0123456789abcdef01234567";
    const res = await cli("iam-oidcprovidermod", "-a", GITHUB_ARN, "-c", "sigstore", "-c", "api://deploy", "-x", "sts.amazonaws.com", "-t", other);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    const provider = await moto.iam.getOpenIDConnectProvider({ OpenIDConnectProviderArn: GITHUB_ARN });
    expect(provider.ClientIDList).toEqual(["sigstore", "api://deploy"]);
    expect(provider.ThumbprintList).toEqual([other]);
  });

  it("del removes the provider; deleting it again is IAM's NoSuchEntity", async () => {
    await githubProvider();
    expect(await cli("iam-oidcproviderdel", "-a", GITHUB_ARN)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await oidcProviders()).toEqual([]);
    const again = await cli("iam-oidcproviderdel", "-a", GITHUB_ARN);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^iam-oidcproviderdel: error \(NoSuchEntity\): /);
  });

  it("--dry-run of del on a missing provider predicts NoSuchEntity and deletes nothing", async () => {
    const res = await cli("iam-oidcproviderdel", "-a", GITHUB_ARN, "--dry-run");
    expect(res.stdout).toBe(`DeleteOpenIDConnectProvider\n\tOpenIDConnectProviderArn: ${GITHUB_ARN}\n`);
    expect(res.stderr).toBe(`iam-oidcproviderdel: would fail: NoSuchEntity: DeleteOpenIDConnectProvider: OIDC provider ${GITHUB_ARN} does not exist\n`);
    expect(res.code).toBe(1);
  });

  it("refuses bad input before any request", async () => {
    await wire.expectRefused("iam-oidcprovidercreate", ["-u", `http://${GITHUB}`, "-c", "sts.amazonaws.com"], `invalid provider URL "http://${GITHUB}": expected https://HOST[/PATH], at most 255 characters, without ? or #`);
    await wire.expectRefused("iam-oidcprovidercreate", ["-u", `https://${GITHUB}`, "-c", "x", "-t", "abc"], 'invalid thumbprint "abc": expected 40 hexadecimal digits (a SHA-1 fingerprint)');
    await wire.expectRefused(
      "iam-oidcprovidercreate",
      ["-u", `https://${GITHUB}`, "-c", "x", ...Array.from({ length: 6 }, () => ["-t", THUMBPRINT]).flat()],
      "too many thumbprints: 6 given, IAM allows 5",
    );
    await wire.expectRefused("iam-oidcprovidermod", ["-a", GITHUB_ARN], "nothing to change: give client ids to add (-c) or remove (-x), or thumbprints (-t)");
    await wire.expectRefused("iam-oidcproviderdel", ["-a", "arn:aws:iam::123456789012:saml-provider/okta"], 'invalid OIDC provider ARN "arn:aws:iam::123456789012:saml-provider/okta": expected arn:aws:iam::<account>:oidc-provider/<host>');
  });
});

describe("iam-samlprovidercreate / list / getattributes / mod / del / tags", () => {
  const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/okta";

  it("creates from a metadata file, -v prints the ARN; tags, list and getattributes read it back", async () => {
    writeTestFile(moto, "okta.xml", METADATA);
    const created = await cli("iam-samlprovidercreate", "-n", "okta", "-f", "okta.xml", "-v");
    expect(created).toEqual({ code: 0, stdout: `${SAML_ARN}\n`, stderr: "" });
    expect(await cli("iam-samlproviderlist")).toEqual({ code: 0, stdout: `${SAML_ARN}\nIsTruncated: false\n`, stderr: "" });

    const shown = await cli("iam-samlprovidergetattributes", "-a", SAML_ARN, "-v");
    const { CreateDate, ValidUntil } = await moto.iam.getSAMLProvider({ SAMLProviderArn: SAML_ARN });
    const dates = [`CreateDate: ${CreateDate!.toISOString()}`, ...(ValidUntil ? [`ValidUntil: ${ValidUntil.toISOString()}`] : [])];
    expect(shown).toEqual({ code: 0, stdout: `${[...dates, METADATA].join("\n")}\n`, stderr: "" });

    expect(await cli("iam-samlprovidertag", "-a", SAML_ARN, "-t", "team=identity", "-t", "env=prod", "-t", "owner=sec")).toMatchObject({ code: 0 });
    expect(await cli("iam-samlprovideruntag", "-a", SAML_ARN, "-k", "env")).toMatchObject({ code: 0 });
    // Three pages of at most two: every page is read.
    expect(await cli("iam-samlproviderlisttags", "-a", SAML_ARN)).toEqual({ code: 0, stdout: "team=identity\nowner=sec\nIsTruncated: false\n", stderr: "" });
  });

  it("mod replaces the metadata; del removes the provider", async () => {
    await moto.iam.createSAMLProvider({ Name: "okta", SAMLMetadataDocument: METADATA });
    const rotated = METADATA.replace("idp.example.com/sso", "idp.example.com/sso2");
    writeTestFile(moto, "rotated.xml", rotated);
    expect(await cli("iam-samlprovidermod", "-a", SAML_ARN, "-f", "rotated.xml")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moto.iam.getSAMLProvider({ SAMLProviderArn: SAML_ARN })).SAMLMetadataDocument).toBe(rotated);
    expect(await cli("iam-samlproviderdel", "-a", SAML_ARN)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await moto.iam.listSAMLProviders({})).SAMLProviderList).toEqual([]);
  });

  it("refuses a metadata document IAM would refuse, before any request", async () => {
    writeTestFile(moto, "short.xml", "<md:EntityDescriptor/>");
    await wire.expectRefused("iam-samlprovidercreate", ["-n", "okta", "-f", "short.xml"], "SAML metadata short.xml has 22 characters: IAM takes 1,000 to 10,000,000");
    await wire.expectRefused("iam-samlprovidercreate", ["-n", "okta team", "-f", "short.xml"], 'invalid SAML provider name "okta team": use 1 to 128 letters, digits and . _ -');
  });
});

describe("iam-rolecreate --web-identity / --saml-provider", () => {
  it("builds the GitHub Actions trust policy: the provider's ARN, aud, and sub with StringLike for a wildcard", async () => {
    await githubProvider();
    const res = await cli("iam-rolecreate", "-r", "deploy", "--web-identity", GITHUB, "--subject", "repo:acme/web:ref:refs/heads/main", "--subject", "repo:acme/web:environment:*");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await trustPolicy("deploy")).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: [GITHUB_ARN] },
          Action: ["sts:AssumeRoleWithWebIdentity"],
          Condition: {
            StringEquals: { [`${GITHUB}:aud`]: "sts.amazonaws.com" },
            StringLike: { [`${GITHUB}:sub`]: ["repo:acme/web:ref:refs/heads/main", "repo:acme/web:environment:*"] },
          },
        },
      ],
    });
  });

  it("exact subjects and a custom audience are compared with StringEquals; https:// in the host is dropped", async () => {
    await moto.iam.createOpenIDConnectProvider({ Url: "https://oidc.example.com/tenant", ClientIDList: ["deploy"], ThumbprintList: [THUMBPRINT] });
    await moto.iam.createRole({ RoleName: "app", AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    const res = await cli("iam-roleupdateassumepolicy", "-r", "app", "--web-identity", "https://oidc.example.com/tenant", "--subject", "svc-deploy", "--audience", "deploy", "-o");
    const host = "oidc.example.com/tenant";
    const expected = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: [`arn:aws:iam::123456789012:oidc-provider/${host}`] },
          Action: ["sts:AssumeRoleWithWebIdentity"],
          Condition: { StringEquals: { [`${host}:aud`]: "deploy", [`${host}:sub`]: ["svc-deploy"] } },
        },
      ],
    };
    expect(res).toEqual({ code: 0, stdout: `${JSON.stringify(expected)}\n`, stderr: "" });
    expect(await trustPolicy("app")).toEqual(expected);
  });

  it("--saml-provider trusts the provider's assertions for the AWS sign-in endpoint", async () => {
    const { SAMLProviderArn } = await moto.iam.createSAMLProvider({ Name: "okta", SAMLMetadataDocument: METADATA });
    expect(await cli("iam-rolecreate", "-r", "sso-admin", "--saml-provider", SAMLProviderArn!)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await trustPolicy("sso-admin")).Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Federated: [SAMLProviderArn] },
        Action: ["sts:AssumeRoleWithSAML"],
        Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      },
    ]);
  });

  it("a provider the account lacks stops the command after one read, in a dry run too", async () => {
    for (const extra of [[], ["--dry-run"]]) {
      const res = await wire.run("iam-rolecreate", ["-r", "deploy", "--web-identity", GITHUB, "--subject", "repo:acme/*", ...extra]);
      expect(res).toEqual({
        code: 2,
        stdout: "",
        stderr: `iam-rolecreate: this account has no OpenID Connect provider for ${GITHUB}: create it first (iam-oidcprovidercreate -u https://${GITHUB})\n`,
      });
      expect(wire.requests.map((r) => r.params.Action)).toEqual(["ListOpenIDConnectProviders"]);
      wire.requests.length = 0;
    }
    const saml = await cli("iam-rolecreate", "-r", "sso", "--saml-provider", "arn:aws:iam::123456789012:saml-provider/okta");
    expect(saml).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-rolecreate: this account has no SAML provider arn:aws:iam::123456789012:saml-provider/okta: create it first (iam-samlprovidercreate)\n",
    });
    expect((await moto.iam.listRoles({})).Roles).toEqual([]);
  });

  it("refuses locally a subject that lets any repository in, and the web-identity options without --web-identity", async () => {
    const refused = (argv: string[], line: string) => wire.expectRefused("iam-rolecreate", ["-r", "deploy", ...argv], line);
    await refused(["--web-identity", GITHUB], `--web-identity ${GITHUB} needs --subject repo:OWNER/REPO:...: without one any GitHub repository could assume the role`);
    await refused(["--web-identity", GITHUB, "--subject", "repo:*"], '--subject "repo:*" would let repositories of any GitHub owner assume the role: start it with repo:OWNER/');
    await refused(["--web-identity", GITHUB, "--subject", "repo:*/web:*"], '--subject "repo:*/web:*" would let repositories of any GitHub owner assume the role: start it with repo:OWNER/');
    await refused(["--web-identity", "oidc.example.com", "--subject", "*"], '--subject "*" matches every subject');
    await refused(["-s", "ec2.amazonaws.com", "--subject", "repo:acme/web:*"], "--subject and --audience go with --web-identity");
    await refused(["-s", "ec2.amazonaws.com", "--web-identity", GITHUB], "give the trust policy with one of -s, -f, --web-identity and --saml-provider");
    await refused(["--web-identity", "https://"], 'invalid provider URL "https://": expected https://HOST[/PATH], at most 255 characters, without ? or #');
    await refused(["--saml-provider", "okta"], 'invalid SAML provider ARN "okta": expected arn:aws:iam::<account>:saml-provider/<name>');
  });
});
