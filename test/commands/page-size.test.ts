import { describe, expect, it } from "vitest";
import * as sdk from "@aws-sdk/client-iam";
import { COMMANDS } from "../../dist/commands/index.js";
import { policyAllowing } from "../harness/fixtures.js";
import { useMoto } from "../harness/moto.js";
import { useWire } from "../harness/wire.js";

/**
 * -i N / --max-items N: the page size asked of IAM. The wire recorder shows the MaxItems of every
 * request; the output shows that every page is still fetched.
 */
const moto = useMoto();
const wire = useWire(moto);

const viaWire = (name: string, ...argv: string[]) => wire.run(name, argv);
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

/** Two of everything each list command lists, so that -i 1 takes two pages. */
async function seedTwoOfEach() {
  const arns: string[] = [];
  for (const n of ["a", "b"]) {
    await moto.iam.createUser({ UserName: `u${n}`, Path: "/two/", Tags: [{ Key: `k${n}`, Value: "v" }] });
    await moto.iam.createGroup({ GroupName: `g${n}`, Path: "/two/" });
    await moto.iam.addUserToGroup({ GroupName: `g${n}`, UserName: "ua" });
    await moto.iam.addUserToGroup({ GroupName: "ga", UserName: `u${n}` });
    await moto.iam.createRole({ RoleName: `r${n}`, Path: "/two/", AssumeRolePolicyDocument: TRUST });
    await moto.iam.createInstanceProfile({ InstanceProfileName: `ip${n}`, Path: "/two/" });
    await moto.iam.createAccessKey({ UserName: "ua" });
    await moto.iam.putUserPolicy({ UserName: "ua", PolicyName: `p${n}`, PolicyDocument: policyAllowing("s3:Get*") });
    await moto.iam.putGroupPolicy({ GroupName: "ga", PolicyName: `p${n}`, PolicyDocument: policyAllowing("s3:Get*") });
    await moto.iam.putRolePolicy({ RoleName: "ra", PolicyName: `p${n}`, PolicyDocument: policyAllowing("s3:Get*") });
    const arn = (await moto.iam.createPolicy({ PolicyName: `m${n}`, Path: "/two/", PolicyDocument: policyAllowing("s3:Get*") })).Policy!.Arn!;
    await moto.iam.attachUserPolicy({ UserName: "ua", PolicyArn: arn });
    arns.push(arn);
  }
  await moto.iam.attachGroupPolicy({ GroupName: "ga", PolicyArn: arns[0] });
  await moto.iam.createPolicyVersion({ PolicyArn: arns[0], PolicyDocument: policyAllowing("s3:List*") });
  return arns;
}

/** The actions moto pages by MaxItems; it answers the others in one page whatever MaxItems says. */
const MOTO_PAGES = new Set(["ListRoles", "ListPolicies", "ListAttachedUserPolicies"]);

describe("-i / --max-items", () => {
  it("is offered by every list command whose IAM operation pages, from one definition", () => {
    // ListOpenIDConnectProviders, ListSAMLProviders and GetContextKeysFor*Policy answer in one response: the SDK has no paginator for them.
    const pages = (spec: { operations: string[] }) => spec.operations.some((op) => `paginate${op}` in sdk);
    const lists = COMMANDS.filter((spec: { name: string; operations: string[] }) => /list/.test(spec.name.replace("iam-policylint", "")) && pages(spec));
    expect(lists.length).toBeGreaterThan(20);
    for (const spec of lists) {
      const option = spec.options.find((o: { key: string }) => o.key === "maxItems");
      expect(option, spec.name).toMatchObject({ short: "i", long: "max-items", metavar: "MAXITEMS" });
    }
  });

  it("asks IAM for pages of N and still fetches every page", async () => {
    const [first] = await seedTwoOfEach();
    const cases: [string, string[], string][] = [
      ["iam-userlistbypath", ["-p", "/two/"], "ListUsers"],
      ["iam-grouplistbypath", ["-p", "/two/"], "ListGroups"],
      ["iam-rolelistbypath", ["-p", "/two/"], "ListRoles"],
      ["iam-instanceprofilelistbypath", ["-p", "/two/"], "ListInstanceProfiles"],
      ["iam-policylistbypath", ["-p", "/two/"], "ListPolicies"],
      ["iam-userlistgroups", ["-u", "ua"], "ListGroupsForUser"],
      ["iam-grouplistusers", ["-g", "ga"], "GetGroup"],
      ["iam-userlistkeys", ["-u", "ua"], "ListAccessKeys"],
      ["iam-userlistpolicies", ["-u", "ua", "-v"], "ListUserPolicies"],
      ["iam-grouplistpolicies", ["-g", "ga"], "ListGroupPolicies"],
      ["iam-rolelistpolicies", ["-r", "ra"], "ListRolePolicies"],
      ["iam-userlistattachedpolicies", ["-u", "ua"], "ListAttachedUserPolicies"],
      ["iam-policylistversions", ["-a", first], "ListPolicyVersions"],
      ["iam-policylistentities", ["-a", first], "ListEntitiesForPolicy"],
    ];
    for (const [name, argv, action] of cases) {
      const whole = await viaWire(name, ...argv, "-i", "1000");
      wire.requests.length = 0;
      const paged = await viaWire(name, ...argv, "--max-items", "1");
      expect(paged, name).toEqual(whole);
      expect(paged.code, name).toBe(0);
      const pages = wire.requests.filter((r) => r.params.Action === action);
      if (MOTO_PAGES.has(action)) expect(pages.length, name).toBeGreaterThanOrEqual(2);
      expect(pages.map((r) => r.params.MaxItems), name).toEqual(pages.map(() => "1"));
    }
  });

  it("a 2013 script's `-i 1000 | grep arn:aws:iam | cut -f2 -d/` gets every user", async () => {
    for (let i = 0; i < 3; i++) await moto.iam.createUser({ UserName: `user${i}` });
    const res = await viaWire("iam-userlistbypath", "-i", "1000");
    expect(res.code).toBe(0);
    const names = res.stdout.split("\n").filter((line) => line.includes("arn:aws:iam")).map((line) => line.split("/")[1]);
    expect(names.sort()).toEqual(["user0", "user1", "user2"]);
    expect(wire.requests.map((r) => [r.params.Action, r.params.MaxItems])).toEqual([["ListUsers", "1000"]]);
  });

  it("account-wide listings ask for pages of 1000 by default; an entity's own lists leave IAM's default", async () => {
    await moto.iam.createUser({ UserName: "alice" });
    for (const name of ["iam-userlistbypath", "iam-grouplistbypath", "iam-rolelistbypath", "iam-policylistbypath", "iam-instanceprofilelistbypath", "iam-servercertlistbypath", "iam-virtualmfadevicelist", "iam-accountaliaslist"]) {
      expect((await viaWire(name)).code, name).toBe(0);
    }
    expect(wire.requests.map((r) => r.params.MaxItems)).toEqual(wire.requests.map(() => "1000"));
    wire.requests.length = 0;
    expect(await viaWire("iam-userlistkeys", "-u", "alice")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    expect(wire.requests.map((r) => [r.params.Action, r.params.MaxItems])).toEqual([["ListAccessKeys", undefined]]);
  });

  it.each(["0", "1001", "ten", "-5", "2.5"])("refuses -i %s before any request", async (value) => {
    const res = await viaWire("iam-userlistbypath", "-i", value);
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-userlistbypath: -i (--max-items) must be a whole number from 1 to 1000, not "${value}"\n`,
    });
    expect(wire.requests).toEqual([]);
  });
});
