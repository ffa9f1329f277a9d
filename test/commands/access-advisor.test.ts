import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);

const ACCOUNT = "arn:aws:iam::123456789012";
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: ["s3:GetObject", "ec2:Describe*", "logs:PutLogEvents"], Resource: "*" },
    { Effect: "Deny", Action: "iam:*", Resource: "*" },
  ],
});

describe("iam-accountaccessadvisor", () => {
  it("waits for IAM's report job, then lists every page of services with their last use", async () => {
    await moto.iam.createRole({ RoleName: "deploy", AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    await moto.iam.putRolePolicy({ RoleName: "deploy", PolicyName: "work", PolicyDocument: POLICY });
    const res = await wire.run("iam-accountaccessadvisor", ["-a", `${ACCOUNT}:role/deploy`]);
    expect(res).toEqual({ code: 0, stdout: "ec2\tnever\nlogs\tnever\ns3\tnever\nIsTruncated: false\n", stderr: "" });
    // Started once, read until done (IN_PROGRESS, then COMPLETED), then the second page.
    expect(wire.requests.map((r) => r.params.Action)).toEqual([
      "GenerateServiceLastAccessedDetails",
      "GetServiceLastAccessedDetails",
      "GetServiceLastAccessedDetails",
      "GetServiceLastAccessedDetails",
    ]);
    expect(wire.requests[3].params.Marker).toBeDefined();
  });

  it("reports on a managed policy; an entity that does not exist is IAM's NoSuchEntity", async () => {
    const { Policy } = await moto.iam.createPolicy({ PolicyName: "Work", PolicyDocument: POLICY });
    expect(await wire.run("iam-accountaccessadvisor", ["-a", Policy!.Arn!])).toMatchObject({ code: 0, stdout: "ec2\tnever\nlogs\tnever\ns3\tnever\nIsTruncated: false\n" });
    const missing = await wire.run("iam-accountaccessadvisor", ["-a", `${ACCOUNT}:user/nobody`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^iam-accountaccessadvisor: error \(NoSuchEntity\): /);
  });

  it("refuses an ARN that names no user, group, role or policy before any request", async () => {
    await wire.expectRefused("iam-accountaccessadvisor", ["-a", `${ACCOUNT}:instance-profile/web`], `invalid ARN "${ACCOUNT}:instance-profile/web": expected the ARN of a user, group, role or managed policy`);
  });
});
