import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS } from "../dist/commands/index.js";
import { changesSomething } from "../dist/cli/dry-run.js";
import { policyAllowing, seedLoadedUser, selfSignedPem, sshPublicKey } from "./harness/fixtures.js";
import { useMoto, writeTestFile } from "./harness/moto.js";
import { runCli } from "./harness/run-cli.js";

const moto = useMoto();

/** Everything moto holds, as its own dump: the state a dry run must leave exactly as it was. */
async function serverState(): Promise<string> {
  const res = await fetch(`${moto.url}/moto-api/data.json`);
  expect(res.status).toBe(200);
  const data = (await res.json()) as { iam?: unknown };
  return JSON.stringify(data.iam);
}

async function seed() {
  await seedLoadedUser(moto.iam, "david");
  await moto.iam.createGroup({ GroupName: "ops" });
  await moto.iam.createRole({
    RoleName: "web",
    AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
  });
  await moto.iam.createInstanceProfile({ InstanceProfileName: "web-profile" });
  await moto.iam.addRoleToInstanceProfile({ InstanceProfileName: "web-profile", RoleName: "web" });
  await moto.iam.createUser({ UserName: "carol" });
  const arn = (await moto.iam.createPolicy({ PolicyName: "readonly", PolicyDocument: policyAllowing("s3:Get*") })).Policy!.Arn!;
  return { arn };
}

describe("--dry-run", () => {
  it("is offered by exactly the commands that change something", () => {
    for (const spec of COMMANDS) {
      const changing = spec.operations.some((op: string) => !/^(Get|List|Generate|Simulate)/.test(op));
      expect(changesSomething(spec), spec.name).toBe(changing);
    }
  });

  it("makes only read requests, prints the plan, and leaves the server and the files as they were", async () => {
    const { arn } = await seed();
    const certFile = writeTestFile(moto, "carol.pem", selfSignedPem("carol"));
    const policyFile = writeTestFile(moto, "p.json", policyAllowing("ec2:Describe*"));
    const sshFile = writeTestFile(moto, "carol.pub", sshPublicKey());
    const carolKey = (await moto.iam.createAccessKey({ UserName: "carol" })).AccessKey!;
    const carolCred = writeTestFile(moto, "carol.cred", `AWSAccessKeyId=${carolKey.AccessKeyId}\nAWSSecretKey=${carolKey.SecretAccessKey}\n`, 0o600);
    const runs: string[][] = [
      ["iam-usercreate", "-u", "erin", "-g", "ops", "-k", "--write-credential-file", join(moto.dir, "new", "erin.cred")],
      ["iam-userdel", "-u", "david", "-r"],
      ["iam-groupdel", "-g", "g1", "-r"],
      ["iam-roledel", "-r", "web", "-c"],
      ["iam-useraddkey", "-u", "carol"],
      ["iam-userdelkey", "-u", "carol", "-k", "AKIAIOSFODNN7EXAMPLE"],
      ["iam-usermodkey", "-u", "carol", "-k", "AKIAIOSFODNN7EXAMPLE", "-s", "Inactive"],
      ["iam-useraddcert", "-u", "carol", "-f", certFile],
      ["iam-useraddcert", "-u", "carol", "--generate", "--cert-out", "c.pem", "--key-out", "k.pem"],
      ["iam-useruploadpolicy", "-u", "carol", "-p", "ec2", "-f", policyFile],
      ["iam-groupaddpolicy", "-g", "ops", "-p", "all", "-e", "Allow", "-a", "s3:*", "-r", "*"],
      ["iam-useraddloginprofile", "-u", "carol", "-p", "Carol-Secret-1"],
      ["iam-accountaliascreate", "-a", "myaccount"],
      ["iam-accountmodpasswordpolicy", "-m", "12"],
      ["iam-userattachpolicy", "-u", "carol", "-a", arn],
      ["iam-policydel", "-a", arn, "-r"],
      ["iam-usertag", "-u", "carol", "-t", "team=ops"],
      ["iam-rolecreate", "-r", "api", "-s", "lambda.amazonaws.com"],
      ["iam-instanceprofiledel", "-s", "web-profile", "-c"],
      ["iam-virtualmfadevicecreate", "-s", "carol-mfa", "-m", "Base32StringSeed", "-o", "seed.txt"],
      ["iam-groupmod", "-g", "ops", "-n", "operations"],
      ["iam-groupcreate", "-g", "new", "-v"],
      ["iam-useraddsshkey", "-u", "carol", "-f", sshFile],
      ["iam-instanceprofilecreate", "-s", "api-profile", "-r", "web", "-v"],
      ["iam-policycreate", "-p", "new", "-f", policyFile, "-v"],
      ["iam-policycreateversion", "-a", arn, "-f", policyFile, "--set-as-default"],
      ["iam-servercertupload", "-s", "www", "--generate", "-v"],
      ["iam-userrotatekey", "-u", "carol", "--credential-file", carolCred],
    ];
    const before = await serverState();
    for (const [name, ...argv] of runs) {
      const res = await runCli(name, [...argv, "--dry-run"], { env: moto.env, cwd: moto.dir });
      expect(res.stderr, name).toBe("");
      expect(res.code, name).toBe(0);
      expect(res.stdout.split("\n")[0], name).toMatch(/^[A-Z]\w+$|^create .* file$|^write credentials$/);
      expect(res.stdout, name).not.toContain("Carol-Secret-1");
    }
    expect(await serverState()).toBe(before);
    for (const file of ["c.pem", "k.pem", "seed.txt", "new", "www-key.pem", "www-cert.pem"]) {
      expect(existsSync(join(moto.dir, file)), file).toBe(false);
    }
    expect(readFileSync(carolCred, "utf8")).toContain(carolKey.AccessKeyId!);
  });

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
});
