import { describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

const ACCOUNT = "arn:aws:iam::123456789012";
const READ_REPORTS = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "arn:aws:s3:::reports/*" }],
});
const NO_DELETES = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "s3:Delete*", Resource: "*" }],
});
const FROM_OFFICE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "s3:PutObject", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" }, Bool: { "aws:SecureTransport": "true" } } },
  ],
});

/** david: an inline policy, a group's managed policy; the decisions come from both. */
async function seedDavid() {
  await moto.iam.createUser({ UserName: "david" });
  await moto.iam.putUserPolicy({ UserName: "david", PolicyName: "read-reports", PolicyDocument: READ_REPORTS });
  await moto.iam.createGroup({ GroupName: "staff" });
  await moto.iam.addUserToGroup({ GroupName: "staff", UserName: "david" });
  const { Policy } = await moto.iam.createPolicy({ PolicyName: "NoDeletes", PolicyDocument: NO_DELETES });
  await moto.iam.attachGroupPolicy({ GroupName: "staff", PolicyArn: Policy!.Arn });
  await moto.iam.putGroupPolicy({ GroupName: "staff", PolicyName: "office", PolicyDocument: FROM_OFFICE });
}

describe("iam-policysimulate", () => {
  it("--principal evaluates a user's policies and its groups': allowed, explicitDeny, implicitDeny, over every page", async () => {
    await seedDavid();
    const res = await cli("iam-policysimulate", "--principal", `${ACCOUNT}:user/david`, "-a", "s3:GetObject", "-a", "s3:DeleteObject", "-a", "s3:PutObject", "-r", "arn:aws:s3:::reports/q1.csv", "-r", "arn:aws:s3:::other/x");
    expect(res).toEqual({
      code: 0,
      stdout: [
        "s3:GetObject\tarn:aws:s3:::reports/q1.csv\tallowed",
        "s3:GetObject\tarn:aws:s3:::other/x\timplicitDeny",
        "s3:DeleteObject\tarn:aws:s3:::reports/q1.csv\texplicitDeny",
        "s3:DeleteObject\tarn:aws:s3:::other/x\texplicitDeny",
        // A conditional Allow does not apply without the request's source address.
        "s3:PutObject\tarn:aws:s3:::reports/q1.csv\timplicitDeny",
        "s3:PutObject\tarn:aws:s3:::other/x\timplicitDeny",
        "IsTruncated: false",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("-f evaluates documents in files, on any resource when -r is not given", async () => {
    writeTestFile(moto, "read.json", READ_REPORTS);
    writeTestFile(moto, "deny.json", NO_DELETES);
    const res = await wire.run("iam-policysimulate", ["-f", "read.json", "-f", "deny.json", "-a", "s3:ListBucket", "-a", "s3:DeleteBucket"]);
    expect(res).toEqual({ code: 0, stdout: "s3:ListBucket\t*\timplicitDeny\ns3:DeleteBucket\t*\texplicitDeny\nIsTruncated: false\n", stderr: "" });
    const sent = wire.requests[0].params;
    expect([sent.Action, sent["PolicyInputList.member.1"], sent["PolicyInputList.member.2"]]).toEqual(["SimulateCustomPolicy", READ_REPORTS, NO_DELETES]);
  });

  it("a principal that does not exist is IAM's NoSuchEntity", async () => {
    const res = await cli("iam-policysimulate", "--principal", `${ACCOUNT}:role/nobody`, "-a", "s3:GetObject");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-policysimulate: error \(NoSuchEntity\): /);
  });

  it("refuses bad input before any request", async () => {
    writeTestFile(moto, "broken.json", "{ not json");
    await wire.expectRefused("iam-policysimulate", ["-a", "s3:GetObject"], "name what to evaluate: --principal ARN or -f FILE");
    await wire.expectRefused("iam-policysimulate", ["--principal", "david", "-a", "s3:GetObject"], 'invalid principal "david": expected the ARN of a user, group or role');
    const res = await wire.run("iam-policysimulate", ["-f", "broken.json", "-a", "s3:GetObject"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^iam-policysimulate: policy document broken\.json is not valid JSON \(/);
    expect(wire.requests).toEqual([]);
  });
});

describe("iam-policylistcontextkeys", () => {
  it("lists the condition keys of a principal's policies, its groups' included", async () => {
    await seedDavid();
    expect(await cli("iam-policylistcontextkeys", "--principal", `${ACCOUNT}:user/david`)).toEqual({
      code: 0,
      stdout: "aws:SourceIp\naws:SecureTransport\nIsTruncated: false\n",
      stderr: "",
    });
  });

  it("lists the condition keys of documents in files", async () => {
    writeTestFile(moto, "office.json", FROM_OFFICE);
    expect(await cli("iam-policylistcontextkeys", "-f", "office.json", "-f", "office.json")).toEqual({
      code: 0,
      stdout: "aws:SourceIp\naws:SecureTransport\nIsTruncated: false\n",
      stderr: "",
    });
  });
});
