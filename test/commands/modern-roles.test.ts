import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

const EC2_TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}';
const getRole = async (RoleName: string) => (await moto.iam.getRole({ RoleName })).Role!;

describe("iam-rolemod", () => {
  it("sets the description and the longest session", async () => {
    await moto.iam.createRole({ RoleName: "deploy", AssumeRolePolicyDocument: EC2_TRUST });
    const res = await cli("iam-rolemod", "-r", "deploy", "--description", "GitHub Actions deploys", "--max-session-duration", "7200");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    const role = await getRole("deploy");
    expect([role.Description, role.MaxSessionDuration]).toEqual(["GitHub Actions deploys", 7200]);
  });

  it("a missing role is IAM's NoSuchEntity, and a dry run predicts it", async () => {
    const real = await cli("iam-rolemod", "-r", "nobody", "--max-session-duration", "3600");
    expect(real.code).toBe(1);
    expect(real.stderr).toMatch(/^iam-rolemod: error \(NoSuchEntity\): /);
    const dry = await cli("iam-rolemod", "-r", "nobody", "--max-session-duration", "3600", "--dry-run");
    expect(dry).toEqual({
      code: 1,
      stdout: "UpdateRole\n\tRoleName: nobody\n\tMaxSessionDuration: 3600\n",
      stderr: "iam-rolemod: would fail: NoSuchEntity: UpdateRole: role nobody does not exist\n",
    });
  });

  it("refuses what IAM would refuse before any request", async () => {
    await wire.expectRefused("iam-rolemod", ["-r", "deploy"], "nothing to change: give --description, --max-session-duration or both");
    await wire.expectRefused("iam-rolemod", ["-r", "deploy", "--max-session-duration", "60"], '--max-session-duration must be a whole number from 3600 to 43200, not "60"');
    await wire.expectRefused("iam-rolemod", ["-r", "deploy", "--description", "x".repeat(1001)], "--description is 1001 characters long, IAM keeps 1,000 at most");
  });
});

describe("iam-servicelinkedrolecreate / iam-servicelinkedroledel", () => {
  it("creates the service's role under /aws-service-role/, -v prints its ARN; del follows the deletion task to its end", async () => {
    const created = await cli("iam-servicelinkedrolecreate", "-s", "autoscaling.amazonaws.com", "--suffix", "web", "--description", "web fleet", "-v");
    const arn = "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_web";
    expect(created).toEqual({ code: 0, stdout: `${arn}\n`, stderr: "" });
    const role = await getRole("AWSServiceRoleForAutoScaling_web");
    expect([role.Arn, role.Description]).toEqual([arn, "web fleet"]);

    const deleted = await wire.run("iam-servicelinkedroledel", ["-r", "AWSServiceRoleForAutoScaling_web"]);
    expect(deleted).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests.map((r) => r.params.Action)).toEqual(["DeleteServiceLinkedRole", "GetServiceLinkedRoleDeletionStatus"]);
    expect((await moto.iam.listRoles({})).Roles).toEqual([]);
  });

  it("--no-wait prints the deletion task id and asks nothing more", async () => {
    await moto.iam.createServiceLinkedRole({ AWSServiceName: "elasticbeanstalk.amazonaws.com" });
    const res = await wire.run("iam-servicelinkedroledel", ["-r", "AWSServiceRoleForElasticBeanstalk", "--no-wait"]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const task = res.stdout.trim();
    // IAM's ids are task/aws-service-role/...; moto's are UUIDs: either way, one id on one line that IAM knows.
    expect(res.stdout).toMatch(/^\S+\n$/);
    expect(wire.requests.map((r) => r.params.Action)).toEqual(["DeleteServiceLinkedRole"]);
    expect((await moto.iam.getServiceLinkedRoleDeletionStatus({ DeletionTaskId: task })).Status).toBe("SUCCEEDED");
  });

  it("a deletion task IAM reports FAILED exits 1 with its reason and the resources still using the role", async () => {
    wire.stub("DeleteServiceLinkedRole", {
      status: 200,
      body:
        '<DeleteServiceLinkedRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><DeleteServiceLinkedRoleResult>' +
        "<DeletionTaskId>task/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling/1</DeletionTaskId>" +
        "</DeleteServiceLinkedRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DeleteServiceLinkedRoleResponse>",
    });
    wire.stub("GetServiceLinkedRoleDeletionStatus", {
      status: 200,
      body:
        '<GetServiceLinkedRoleDeletionStatusResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetServiceLinkedRoleDeletionStatusResult>' +
        "<Status>FAILED</Status><Reason><Reason>the role is in use</Reason><RoleUsageList><member><Region>us-east-1</Region>" +
        "<Resources><member>arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/web</member></Resources>" +
        "</member></RoleUsageList></Reason></GetServiceLinkedRoleDeletionStatusResult><ResponseMetadata><RequestId>2</RequestId></ResponseMetadata>" +
        "</GetServiceLinkedRoleDeletionStatusResponse>",
    });
    const res = await wire.run("iam-servicelinkedroledel", ["-r", "AWSServiceRoleForAutoScaling"]);
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "iam-servicelinkedroledel: error: IAM did not delete role AWSServiceRoleForAutoScaling: the role is in use; still used by arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/web in us-east-1\n",
    });
  });

  it("refuses a service that is not a service principal before any request", async () => {
    await wire.expectRefused("iam-servicelinkedrolecreate", ["-s", "autoscaling"], 'invalid service "autoscaling": expected a service principal such as autoscaling.amazonaws.com');
  });
});
