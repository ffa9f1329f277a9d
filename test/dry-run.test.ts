import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS } from "../dist/commands/index.js";
import { changesSomething } from "../dist/core/dry-run.js";
import { policyAllowing, seedLoadedUser, selfSignedPem, sshPublicKey } from "./harness/fixtures.js";
import { legacyKeyText, useMoto, writeTestFile } from "./harness/moto.js";
import { runCli } from "./harness/run-cli.js";

const moto = useMoto();

/** Everything moto holds, as its own dump: the state a dry run must leave exactly as it was. */
async function serverState(): Promise<string> {
  const res = await fetch(`${moto.url}/moto-api/data.json`);
  expect(res.status).toBe(200);
  // AccountSummary is moto's view of the counts GetAccountSummary reads (one object per answer,
  // kept until garbage-collected), not state: the entities it counts are compared.
  const { AccountSummary: _view, ...iam } = ((await res.json()) as { iam?: Record<string, unknown> }).iam ?? {};
  return JSON.stringify(iam);
}

async function seed() {
  const david = await seedLoadedUser(moto.iam, "david");
  await moto.iam.createGroup({ GroupName: "ops" });
  await moto.iam.createRole({
    RoleName: "web",
    AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
  });
  await moto.iam.createInstanceProfile({ InstanceProfileName: "web-profile" });
  await moto.iam.addRoleToInstanceProfile({ InstanceProfileName: "web-profile", RoleName: "web" });
  await moto.iam.createUser({ UserName: "carol" });
  const arn = (await moto.iam.createPolicy({ PolicyName: "readonly", PolicyDocument: policyAllowing("s3:Get*") })).Policy!.Arn!;
  return { arn, david };
}

describe("--dry-run", () => {
  it("is offered by exactly the commands that change something", () => {
    // The legacy tools' names say which commands only show: the listings, the getters, the
    // reports (credential report, access advisor, key audit, policy simulation) and iamkit's local
    // lint. Every other command changes something.
    const shows = (name: string) =>
      /^iam-[a-z]+(list|get)[a-z]*$|^iam-(credentialreport|accountaccessadvisor|accountauditkeys|policysimulate|policylint)$/.test(name);
    for (const spec of COMMANDS) expect(changesSomething(spec), spec.name).toBe(!shows(spec.name));
  });

  it("every command: only read requests, the plan on stdout, predicted refusals on stderr, the server and files as they were", async () => {
    const { arn, david } = await seed();
    const m1 = david.attached[0];
    const certFile = writeTestFile(moto, "carol.pem", selfSignedPem("carol"));
    const policyFile = writeTestFile(moto, "p.json", policyAllowing("ec2:Describe*"));
    const sshFile = writeTestFile(moto, "carol.pub", sshPublicKey());
    const carolKey = (await moto.iam.createAccessKey({ UserName: "carol" })).AccessKey!;
    const carolCred = writeTestFile(moto, "carol.cred", legacyKeyText(carolKey), 0o600);
    const codes = ["--authentication-code-1", "123456", "--authentication-code-2", "654321"];
    const quota = async (key: string) => (await moto.iam.getAccountSummary({})).SummaryMap![key];
    const samlFile = writeTestFile(moto, "okta.xml", `<EntityDescriptor>${" ".repeat(1000)}</EntityDescriptor>`);
    const pwFile = writeTestFile(moto, "pw", "Carol-Secret-1", 0o600);
    const oidc = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    const saml = "arn:aws:iam::123456789012:saml-provider/okta";
    const credential = "ACCAEXAMPLE0000000000";
    /** Each command with arguments, and the refusals IAM would give (none: it would succeed). */
    const runs: [string, string[], string[]?][] = [
      ["iam-accountaliascreate", ["-a", "myaccount"]],
      ["iam-accountaliasdelete", ["-a", "myaccount"], ["NoSuchEntity: DeleteAccountAlias: account alias myaccount does not exist"]],
      ["iam-accountdelpasswordpolicy", [], ["NoSuchEntity: DeleteAccountPasswordPolicy: the account's password policy does not exist"]],
      ["iam-accountmodpasswordpolicy", ["-m", "12"]],
      ["iam-accountmodstspreferences", ["-t", "v2Token"]],
      ["iam-groupaddpolicy", ["-g", "ops", "-p", "all", "-e", "Allow", "-a", "s3:*", "-r", "*"]],
      ["iam-groupadduser", ["-g", "ops", "-u", "carol"]],
      ["iam-groupattachpolicy", ["-g", "ops", "-a", arn]],
      ["iam-groupcreate", ["-g", "new", "-v"]],
      ["iam-groupdel", ["-g", "g1", "-r"]],
      ["iam-groupdelpolicy", ["-g", "ops", "-p", "nosuch"], ["NoSuchEntity: DeleteGroupPolicy: inline policy nosuch of group ops does not exist"]],
      ["iam-groupdetachpolicy", ["-g", "ops", "-a", arn], [`NoSuchEntity: DetachGroupPolicy: managed policy ${arn} attached to group ops does not exist`]],
      ["iam-groupmod", ["-g", "ops", "-n", "operations"]],
      ["iam-groupremoveuser", ["-g", "g1", "-u", "david"]],
      ["iam-groupuploadpolicy", ["-g", "ops", "-p", "ec2", "-f", policyFile]],
      [
        "iam-instanceprofileaddrole",
        ["-s", "web-profile", "-r", "web"],
        ["LimitExceeded: AddRoleToInstanceProfile: instance profile web-profile already holds role web, and holds one at most"],
      ],
      ["iam-instanceprofilecreate", ["-s", "api-profile", "-r", "web", "-v"]],
      ["iam-instanceprofiledel", ["-s", "web-profile", "-c"]],
      ["iam-instanceprofileremoverole", ["-s", "web-profile", "-r", "web"]],
      ["iam-instanceprofiletag", ["-s", "web-profile", "-t", "team=ops"]],
      ["iam-instanceprofileuntag", ["-s", "web-profile", "-k", "team"]],
      ["iam-oidcprovidercreate", ["-u", "https://token.actions.githubusercontent.com", "-c", "sts.amazonaws.com"]],
      ["iam-oidcproviderdel", ["-a", oidc], [`NoSuchEntity: DeleteOpenIDConnectProvider: OIDC provider ${oidc} does not exist`]],
      ["iam-oidcprovidermod", ["-a", oidc, "-c", "sigstore"], [`NoSuchEntity: AddClientIDToOpenIDConnectProvider: OIDC provider ${oidc} does not exist`]],
      ["iam-oidcprovidertag", ["-a", oidc, "-t", "team=ops"], [`NoSuchEntity: TagOpenIDConnectProvider: OIDC provider ${oidc} does not exist`]],
      ["iam-oidcprovideruntag", ["-a", oidc, "-k", "team"], [`NoSuchEntity: UntagOpenIDConnectProvider: OIDC provider ${oidc} does not exist`]],
      ["iam-policycreate", ["-p", "new", "-f", policyFile, "-v"]],
      ["iam-policycreateversion", ["-a", arn, "-f", policyFile, "--set-as-default"]],
      ["iam-policydel", ["-a", arn, "-r"]],
      ["iam-policydelversion", ["-a", arn, "-s", "v1"], ["DeleteConflict: DeletePolicyVersion: version v1 is the default version of managed policy readonly"]],
      ["iam-policysetdefaultversion", ["-a", arn, "-s", "v1"]],
      ["iam-policytag", ["-a", arn, "-t", "team=ops"]],
      ["iam-policyuntag", ["-a", arn, "-k", "team"]],
      ["iam-roleaddpolicy", ["-r", "web", "-p", "s3", "-e", "Allow", "-a", "s3:*", "-c", "*"]],
      ["iam-roleattachpolicy", ["-r", "web", "-a", arn]],
      ["iam-rolecreate", ["-r", "api", "-s", "lambda.amazonaws.com"]],
      ["iam-roledel", ["-r", "web", "-c"]],
      ["iam-roledelpermissionsboundary", ["-r", "web"]],
      ["iam-roledelpolicy", ["-r", "web", "-p", "nosuch"], ["NoSuchEntity: DeleteRolePolicy: inline policy nosuch of role web does not exist"]],
      ["iam-roledetachpolicy", ["-r", "web", "-a", arn], [`NoSuchEntity: DetachRolePolicy: managed policy ${arn} attached to role web does not exist`]],
      ["iam-rolemod", ["-r", "web", "--max-session-duration", "7200"]],
      ["iam-rolesetpermissionsboundary", ["-r", "web", "-b", arn]],
      ["iam-roletag", ["-r", "web", "-t", "team=ops"]],
      ["iam-roleuntag", ["-r", "web", "-k", "team"]],
      ["iam-roleupdateassumepolicy", ["-r", "web", "-s", "ec2.amazonaws.com"]],
      ["iam-roleuploadpolicy", ["-r", "web", "-p", "ec2", "-f", policyFile]],
      ["iam-samlprovidercreate", ["-n", "okta", "-f", samlFile]],
      ["iam-samlproviderdel", ["-a", saml], [`NoSuchEntity: DeleteSAMLProvider: SAML provider ${saml} does not exist`]],
      ["iam-samlprovidermod", ["-a", saml, "-f", samlFile], [`NoSuchEntity: UpdateSAMLProvider: SAML provider ${saml} does not exist`]],
      ["iam-samlprovidertag", ["-a", saml, "-t", "team=ops"], [`NoSuchEntity: TagSAMLProvider: SAML provider ${saml} does not exist`]],
      ["iam-samlprovideruntag", ["-a", saml, "-k", "team"], [`NoSuchEntity: UntagSAMLProvider: SAML provider ${saml} does not exist`]],
      ["iam-servercertdel", ["-s", "nosuch"], ["NoSuchEntity: DeleteServerCertificate: server certificate nosuch does not exist"]],
      ["iam-servercertmod", ["-s", "nosuch", "-n", "other"], ["NoSuchEntity: UpdateServerCertificate: server certificate nosuch does not exist"]],
      ["iam-servercerttag", ["-s", "nosuch", "-t", "team=ops"], ["NoSuchEntity: TagServerCertificate: server certificate nosuch does not exist"]],
      ["iam-servercertuntag", ["-s", "nosuch", "-k", "team"], ["NoSuchEntity: UntagServerCertificate: server certificate nosuch does not exist"]],
      ["iam-servercertupload", ["-s", "www", "--generate", "-v"]],
      ["iam-servicelinkedrolecreate", ["-s", "autoscaling.amazonaws.com"]],
      ["iam-servicelinkedroledel", ["-r", "nosuch"], ["NoSuchEntity: DeleteServiceLinkedRole: role nosuch does not exist"]],
      ["iam-useraddcert", ["-u", "carol", "-f", certFile]],
      ["iam-useraddkey", ["-u", "carol"]],
      [
        "iam-useraddkey",
        ["-u", "david"],
        [`LimitExceeded: CreateAccessKey: user david already has 2, the account's AccessKeysPerUserQuota is ${await quota("AccessKeysPerUserQuota")}`],
      ],
      ["iam-useraddloginprofile", ["-u", "carol", "-p", "Carol-Secret-1"]],
      ["iam-useraddloginprofile", ["-u", "david", "-p", "Carol-Secret-1"], ["EntityAlreadyExists: CreateLoginProfile: login profile of user david already exists"]],
      ["iam-useraddpolicy", ["-u", "carol", "-p", "s3", "-e", "Allow", "-a", "s3:*", "-r", "*"]],
      ["iam-useraddsshkey", ["-u", "carol", "-f", sshFile]],
      ["iam-userattachpolicy", ["-u", "carol", "-a", arn]],
      ["iam-userchangepassword", ["--old-password-file", pwFile, "--password-file", pwFile]],
      ["iam-usercreate", ["-u", "erin", "-g", "ops", "-k", "--write-credential-file", join(moto.dir, "new", "erin.cred")]],
      ["iam-userdeactivatemfadevice", ["-u", "david", "-s", david.serial]],
      ["iam-userdel", ["-u", "david", "-r"]],
      [
        "iam-userdel",
        ["-u", "david"],
        [
          "DeleteConflict: DeleteUser: user david still has 2 access keys, 2 signing certificates, a login profile, 1 MFA device, 1 SSH public key, 3 group memberships, 3 inline policies, 3 attached managed policies (delete them first, or use -r)",
        ],
      ],
      ["iam-userdelcert", ["-u", "david", "-c", david.certs[0]]],
      ["iam-userdelkey", ["-u", "carol", "-k", carolKey.AccessKeyId!]],
      ["iam-userdelkey", ["-u", "carol", "-k", "AKIAIOSFODNN7EXAMPLE"], ["NoSuchEntity: DeleteAccessKey: access key AKIAIOSFODNN7EXAMPLE of user carol does not exist"]],
      ["iam-userdelloginprofile", ["-u", "david"]],
      ["iam-userdelpermissionsboundary", ["-u", "carol"]],
      ["iam-userdelpolicy", ["-u", "david", "-p", "p1"]],
      ["iam-userdelsshkey", ["-u", "david", "-k", david.sshKey]],
      ["iam-userdetachpolicy", ["-u", "david", "-a", m1]],
      [
        "iam-userenablemfadevice",
        ["-u", "carol", "-s", david.serial, ...codes],
        [`EntityAlreadyExists: EnableMFADevice: MFA device ${david.serial} is already assigned to user david`],
      ],
      ["iam-usermod", ["-u", "carol", "-n", "caroline"]],
      ["iam-usermodcert", ["-u", "david", "-c", david.certs[0], "-s", "Inactive"]],
      ["iam-usermodkey", ["-u", "carol", "-k", carolKey.AccessKeyId!, "-s", "Inactive"]],
      ["iam-usermodloginprofile", ["-u", "david", "-p", "Another-Secret-2"]],
      [
        "iam-usermodservicecredential",
        ["-u", "carol", "-k", credential, "-s", "Inactive"],
        [`NoSuchEntity: UpdateServiceSpecificCredential: service-specific credential ${credential} of user carol does not exist`],
      ],
      ["iam-usermodsshkey", ["-u", "david", "-k", david.sshKey, "-s", "Inactive"]],
      [
        "iam-userresetservicecredential",
        ["-u", "carol", "-k", credential],
        [`NoSuchEntity: ResetServiceSpecificCredential: service-specific credential ${credential} of user carol does not exist`],
      ],
      ["iam-userresyncmfadevice", ["-u", "david", "-s", david.serial, ...codes]],
      ["iam-userrotatekey", ["-u", "carol", "--credential-file", carolCred]],
      ["iam-usersetpermissionsboundary", ["-u", "carol", "-b", arn]],
      ["iam-usertag", ["-u", "carol", "-t", "team=ops"]],
      ["iam-useruntag", ["-u", "carol", "-k", "team"]],
      ["iam-useruploadpolicy", ["-u", "carol", "-p", "ec2", "-f", policyFile]],
      ["iam-virtualmfadevicecreate", ["-s", "carol-mfa", "-m", "Base32StringSeed", "-o", "seed.txt"]],
      [
        "iam-virtualmfadevicedel",
        ["-s", david.serial],
        [`DeleteConflict: DeleteVirtualMFADevice: virtual MFA device ${david.serial} is assigned to user david (deactivate it first)`],
      ],
      ["iam-virtualmfadevicetag", ["-s", david.serial, "-t", "team=ops"]],
      ["iam-virtualmfadeviceuntag", ["-s", david.serial, "-k", "team"]],
    ];
    const offering = COMMANDS.filter(changesSomething).map((spec: { name: string }) => spec.name);
    expect([...new Set(runs.map(([name]) => name))]).toEqual(offering);

    const before = await serverState();
    for (const [name, argv, refusals = []] of runs) {
      const res = await runCli(name, [...argv, "--dry-run"], { env: moto.env, cwd: moto.dir });
      const label = `${name} ${argv.join(" ")}`;
      expect(res.stderr, label).toBe(refusals.map((line) => `${name}: would fail: ${line}\n`).join(""));
      expect(res.code, label).toBe(refusals.length > 0 ? 1 : 0);
      expect(res.stdout.split("\n")[0], label).toMatch(/^[A-Z]\w+$|^create .* file$|^write credentials$/);
      expect(res.stdout, label).not.toMatch(/Carol-Secret-1|Another-Secret-2/);
    }
    expect(await serverState()).toBe(before);
    for (const file of ["c.pem", "k.pem", "seed.txt", "new", "www-key.pem", "www-cert.pem"]) {
      expect(existsSync(join(moto.dir, file)), file).toBe(false);
    }
    expect(readFileSync(carolCred, "utf8")).toContain(carolKey.AccessKeyId!);
    // Some eighty runs, one after another: more than the default per-test allowance on a loaded machine.
  }, 180_000);

  it("prints each held-back change in the -r -p section layout, secrets hidden", async () => {
    await moto.iam.createUser({ UserName: "carol" });
    const res = await runCli("iam-useraddloginprofile", ["-u", "carol", "-p", "Carol-Secret-1", "--dry-run"], { env: moto.env });
    expect(res).toEqual({ code: 0, stdout: "CreateLoginProfile\n\tUserName: carol\n\tPassword: (hidden)\n", stderr: "" });
    const json = await runCli("iam-userdel", ["-u", "carol", "--dry-run", "--json"], { env: moto.env });
    expect(JSON.parse(json.stdout)).toEqual({ DryRun: [{ Action: "DeleteUser", Input: { UserName: "carol" } }] });
  });

  it("still refuses what the real run would refuse before sending anything", async () => {
    writeTestFile(moto, "taken.pem", "x");
    await moto.iam.createUser({ UserName: "carol" });
    const res = await runCli("iam-useraddcert", ["-u", "carol", "--generate", "--cert-out", "taken.pem", "--dry-run"], {
      env: moto.env,
      cwd: moto.dir,
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/certificate file taken.pem already exists/);
  });

  it("plans the local steps of a new key (credential file, STS check) where a real run takes them", async () => {
    await moto.iam.createUser({ UserName: "carol" });
    const key = (await moto.iam.createAccessKey({ UserName: "carol" })).AccessKey!;
    const cred = writeTestFile(moto, "carol.cred", `AWSAccessKeyId=${key.AccessKeyId}\nAWSSecretKey=${key.SecretAccessKey}\n`, 0o600);
    const before = await serverState();
    const rotate = await runCli("iam-userrotatekey", ["-u", "carol", "--credential-file", cred, "--dry-run"], { env: moto.env });
    expect(rotate).toEqual({
      code: 0,
      stdout:
        "CreateAccessKey\n\tUserName: carol\n" +
        `write credentials\n\tFile: ${cred}\n` +
        "sts:GetCallerIdentity\n" +
        `UpdateAccessKey\n\tUserName: carol\n\tAccessKeyId: ${key.AccessKeyId}\n\tStatus: Inactive\n`,
      stderr: "",
    });
    const fresh = join(moto.dir, "new", "carol.cred");
    const add = await runCli("iam-useraddkey", ["-u", "carol", "--write-credential-file", fresh, "--wait", "--dry-run"], { env: moto.env });
    expect(add).toEqual({
      code: 0,
      stdout: `write credentials\n\tFile: ${fresh}\nCreateAccessKey\n\tUserName: carol\nsts:GetCallerIdentity\n`,
      stderr: "",
    });
    expect(await serverState()).toBe(before);
    // Opening the file would have created its directory: a dry run creates nothing.
    expect(existsSync(join(moto.dir, "new"))).toBe(false);
    expect(readFileSync(cred, "utf8")).toContain(key.AccessKeyId!);
  });

  it("refuses a credential file or profile the real run would refuse, as the real run does", async () => {
    await moto.iam.createUser({ UserName: "dana" });
    const taken = writeTestFile(moto, "dana.cred", "AWSAccessKeyId=AKIDOLD\nAWSSecretKey=old\n", 0o600);
    const profiles = writeTestFile(moto, "credentials", "[dana]\naws_access_key_id = AKIDOLD\naws_secret_access_key = old\n", 0o600);
    const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: profiles };
    for (const target of [["--write-credential-file", taken], ["--write-profile", "dana"]]) {
      const argv = ["-u", "dana", ...target];
      const before = await serverState();
      const planned = await runCli("iam-useraddkey", [...argv, "--dry-run"], { env });
      expect(await serverState()).toBe(before);
      const real = await runCli("iam-useraddkey", argv, { env });
      expect(planned).toEqual(real);
      expect(real).toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(/already holds credentials; --force replaces them\n$/) });
    }
    expect((await moto.iam.listAccessKeys({ UserName: "dana" })).AccessKeyMetadata).toEqual([]);
  });
});

describe("--dry-run predicts what IAM would refuse", () => {
  const dry = (name: string, ...argv: string[]) => runCli(name, [...argv, "--dry-run"], { env: moto.env, cwd: moto.dir });
  const refused = (name: string, ...lines: string[]) => lines.map((line) => `${name}: would fail: ${line}\n`).join("");

  /** Runs the dry runs and proves the server did not change. */
  async function unchanged<T>(work: () => Promise<T>): Promise<T> {
    const before = await serverState();
    const result = await work();
    expect(await serverState()).toBe(before);
    return result;
  }

  it("the issue's three: a user that exists, a group that does not, a user to delete that does not", async () => {
    await seed();
    await unchanged(async () => {
      const exists = await dry("iam-usercreate", "-u", "david");
      expect(exists).toEqual({
        code: 1,
        stdout: "CreateUser\n\tUserName: david\n",
        stderr: refused("iam-usercreate", "EntityAlreadyExists: CreateUser: user david already exists"),
      });
      // A missing group is read before the first change, in a dry run as in the real run: nothing is planned.
      const noGroup = await dry("iam-usercreate", "-u", "kk", "-g", "NoSuchGroup");
      expect(noGroup).toEqual({ code: 1, stdout: "", stderr: expect.stringMatching(/^iam-usercreate: error \(NoSuchEntity\): .*NoSuchGroup.*\n$/) });
      expect(await dry("iam-userdel", "-u", "nosuch")).toEqual({
        code: 1,
        stdout: "DeleteUser\n\tUserName: nosuch\n",
        stderr: refused("iam-userdel", "NoSuchEntity: DeleteUser: user nosuch does not exist"),
      });
    });
  });

  it("planned steps count for the steps after them: a new user joins a group and gets a key", async () => {
    await seed();
    const res = await unchanged(() => dry("iam-usercreate", "-u", "kk", "-g", "ops", "-k"));
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout.split("\n").filter((line) => /^[A-Z]/.test(line))).toEqual(["CreateUser", "AddUserToGroup", "CreateAccessKey"]);
  });

  it("deletes without -r meet IAM's delete conflicts; a permissions boundary does not block DeleteUser", async () => {
    const { arn } = await seed();
    await moto.iam.createUser({ UserName: "bounded", PermissionsBoundary: arn });
    await moto.iam.addUserToGroup({ GroupName: "ops", UserName: "carol" });
    await moto.iam.putGroupPolicy({ GroupName: "ops", PolicyName: "s3", PolicyDocument: policyAllowing("s3:*") });
    await moto.iam.attachGroupPolicy({ GroupName: "ops", PolicyArn: arn });
    await moto.iam.putRolePolicy({ RoleName: "web", PolicyName: "s3", PolicyDocument: policyAllowing("s3:*") });
    await moto.iam.createPolicyVersion({ PolicyArn: arn, PolicyDocument: policyAllowing("s3:List*") });
    await unchanged(async () => {
      expect(await dry("iam-userdel", "-u", "bounded")).toMatchObject({ code: 0, stderr: "" });
      expect((await dry("iam-groupdel", "-g", "ops")).stderr).toBe(
        refused(
          "iam-groupdel",
          "DeleteConflict: DeleteGroup: group ops still has 1 member, 1 inline policy, 1 attached managed policy (delete them first, or use -r)",
        ),
      );
      expect((await dry("iam-roledel", "-r", "web")).stderr).toBe(
        refused("iam-roledel", "DeleteConflict: DeleteRole: role web still has 1 instance profile, 1 inline policy (delete them first, or use -r)"),
      );
      expect((await dry("iam-instanceprofiledel", "-s", "web-profile")).stderr).toBe(
        refused("iam-instanceprofiledel", "DeleteConflict: DeleteInstanceProfile: instance profile web-profile still has a role (delete them first, or use -r)"),
      );
      expect((await dry("iam-policydel", "-a", arn)).stderr).toBe(
        refused("iam-policydel", "DeleteConflict: DeletePolicy: managed policy readonly still has 1 attachment, 1 non-default version, 1 use as a permissions boundary (delete them first, or use -r)"),
      );
      // With -r (-c for roles and profiles) the dependents go first, so nothing is predicted.
      for (const [name, ...argv] of [
        ["iam-groupdel", "-g", "ops", "-r"],
        ["iam-roledel", "-r", "web", "-c"],
        ["iam-instanceprofiledel", "-s", "web-profile", "-c"],
        ["iam-policydel", "-a", arn, "-r"],
      ]) {
        expect(await dry(name, ...argv), name).toMatchObject({ code: 0, stderr: "" });
      }
    });
  });

  it("quotas come from GetAccountSummary: groups per user and managed policies per user", async () => {
    await moto.iam.createUser({ UserName: "carol" });
    const summary = (await moto.iam.getAccountSummary({})).SummaryMap!;
    const groups = summary.GroupsPerUserQuota!;
    const policies = summary.AttachedPoliciesPerUserQuota!;
    for (let i = 0; i < groups; i++) {
      await moto.iam.createGroup({ GroupName: `g${i}` });
      await moto.iam.addUserToGroup({ GroupName: `g${i}`, UserName: "carol" });
    }
    await moto.iam.createGroup({ GroupName: "one-more" });
    const arns: string[] = [];
    for (let i = 0; i <= policies; i++) {
      arns.push((await moto.iam.createPolicy({ PolicyName: `m${i}`, PolicyDocument: policyAllowing("s3:*") })).Policy!.Arn!);
    }
    for (const PolicyArn of arns.slice(0, policies)) await moto.iam.attachUserPolicy({ UserName: "carol", PolicyArn });
    await unchanged(async () => {
      expect(await dry("iam-groupadduser", "-g", "one-more", "-u", "carol")).toMatchObject({
        code: 1,
        stderr: refused("iam-groupadduser", `LimitExceeded: AddUserToGroup: user carol already has ${groups}, the account's GroupsPerUserQuota is ${groups}`),
      });
      // Joining a group the user is already in adds nothing, so no quota applies.
      expect(await dry("iam-groupadduser", "-g", "g0", "-u", "carol")).toMatchObject({ code: 0, stderr: "" });
      expect(await dry("iam-userattachpolicy", "-u", "carol", "-a", arns[policies])).toMatchObject({
        code: 1,
        stderr: refused(
          "iam-userattachpolicy",
          `LimitExceeded: AttachUserPolicy: user carol already has ${policies}, the account's AttachedPoliciesPerUserQuota is ${policies}`,
        ),
      });
    });
  });

  it("a login profile's password against the account's password policy, never repeating it", async () => {
    await moto.iam.createUser({ UserName: "carol" });
    await moto.iam.updateAccountPasswordPolicy({ MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true });
    await unchanged(async () => {
      const res = await dry("iam-useraddloginprofile", "-u", "carol", "-p", "weakpassword");
      expect(res).toEqual({
        code: 1,
        stdout: "CreateLoginProfile\n\tUserName: carol\n\tPassword: (hidden)\n",
        stderr: refused(
          "iam-useraddloginprofile",
          "PasswordPolicyViolation: CreateLoginProfile: the password breaks the account's password policy: it is shorter than 14 characters; it has no uppercase letter (A to Z); it has no digit; it has no symbol (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')",
        ),
      });
      expect(await dry("iam-useraddloginprofile", "-u", "carol", "-p", "Strong-Passw0rd!")).toMatchObject({ code: 0, stderr: "" });
    });
  });

  it("--json prints the plan document; the refusals still go to stderr and set the exit code", async () => {
    await moto.iam.createUser({ UserName: "carol" });
    const res = await unchanged(() => dry("iam-usercreate", "-u", "carol", "--json"));
    expect(JSON.parse(res.stdout)).toEqual({ DryRun: [{ Action: "CreateUser", Input: { UserName: "carol" } }] });
    expect(res.stderr).toBe(refused("iam-usercreate", "EntityAlreadyExists: CreateUser: user carol already exists"));
    expect(res.code).toBe(1);
  });
});
