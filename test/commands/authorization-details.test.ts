import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

const ACCOUNT = "arn:aws:iam::123456789012";
const S3_READ = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const EC2_TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

async function seed() {
  await moto.iam.createUser({ UserName: "ana" });
  await moto.iam.putUserPolicy({ UserName: "ana", PolicyName: "read", PolicyDocument: S3_READ });
  await moto.iam.createGroup({ GroupName: "ops" });
  await moto.iam.addUserToGroup({ GroupName: "ops", UserName: "ana" });
  await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: EC2_TRUST });
  await moto.iam.createPolicy({ PolicyName: "ReadAll", PolicyDocument: S3_READ });
  await moto.iam.attachRolePolicy({ RoleName: "web", PolicyArn: `${ACCOUNT}:policy/ReadAll` });
}

describe("iam-accountgetauthorizationdetails", () => {
  it("prints each entity's type and ARN: users, groups, roles, then managed policies", async () => {
    await seed();
    expect(await cli("iam-accountgetauthorizationdetails")).toEqual({
      code: 0,
      stdout: [`User\t${ACCOUNT}:user/ana`, `Group\t${ACCOUNT}:group/ops`, `Role\t${ACCOUNT}:role/web`, `Policy\t${ACCOUNT}:policy/ReadAll`, "IsTruncated: false", ""].join("\n"),
      stderr: "",
    });
  });

  it("--json is one document with the policies inline and their documents decoded", async () => {
    await seed();
    const res = await cli("iam-accountgetauthorizationdetails", "--json");
    expect([res.code, res.stderr]).toEqual([0, ""]);
    const doc = JSON.parse(res.stdout);
    expect(doc.UserDetailList.map((u: any) => [u.UserName, u.GroupList, u.UserPolicyList])).toEqual([["ana", ["ops"], [{ PolicyName: "read", PolicyDocument: S3_READ }]]]);
    expect(JSON.parse(doc.RoleDetailList[0].AssumeRolePolicyDocument)).toEqual(JSON.parse(EC2_TRUST));
    expect(doc.RoleDetailList[0].AttachedManagedPolicies).toEqual([{ PolicyName: "ReadAll", PolicyArn: `${ACCOUNT}:policy/ReadAll` }]);
    expect(doc.Policies[0].PolicyVersionList.map((v: any) => JSON.parse(v.Document))).toEqual([JSON.parse(S3_READ)]);
  });

  it("-t limits the entity types read", async () => {
    await seed();
    expect(await cli("iam-accountgetauthorizationdetails", "-t", "Role", "-t", "Group")).toEqual({
      code: 0,
      stdout: `Group\t${ACCOUNT}:group/ops\nRole\t${ACCOUNT}:role/web\nIsTruncated: false\n`,
      stderr: "",
    });
  });
});
