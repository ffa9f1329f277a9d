import { createServer, request, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useMoto, type Moto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";

const moto = useMoto();
/** moto lacks Put/DeleteUserPermissionsBoundary: the user commands' requests are checked on the wire. */
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const viaWire = (name: string, ...argv: string[]) => runCli(name, argv, { env: { ...moto.env, AWS_IAM_URL: wire.url } });

const BOUNDARY = "arn:aws:iam::123456789012:policy/dev-boundary";
const OTHER = "arn:aws:iam::123456789012:policy/ops-boundary";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

async function createBoundaryPolicies() {
  for (const PolicyName of ["dev-boundary", "ops-boundary"]) {
    await moto.iam.createPolicy({
      PolicyName,
      PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
    });
  }
}

const roleBoundary = async (RoleName = "web") => (await moto.iam.getRole({ RoleName })).Role?.PermissionsBoundary;

/**
 * An endpoint in front of moto for a user that has a permissions boundary, which moto cannot hold
 * (it drops CreateUser's and lacks PutUserPermissionsBoundary): GetUser answers are moto's with
 * the boundary added, DeleteUserPermissionsBoundary is answered here, the rest goes to moto.
 * wire.stub cannot do this, as it only answers empty results.
 */
function useUserWithBoundary(moto: Moto, boundaryArn: string) {
  const endpoint = { url: "", actions: [] as string[] };
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const action = new URLSearchParams(body.toString("utf8")).get("Action") ?? "";
        endpoint.actions.push(action);
        if (action === "DeleteUserPermissionsBoundary") {
          res.writeHead(200, { "Content-Type": "text/xml" });
          res.end(`<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>b</RequestId></ResponseMetadata></${action}Response>`);
          return;
        }
        const upstream = request(`${moto.url}${req.url}`, { method: req.method, headers: req.headers }, async (up) => {
          let text = "";
          for await (const chunk of up) text += chunk;
          if (action === "GetUser") {
            text = text.replace(
              "</User>",
              `<PermissionsBoundary><PermissionsBoundaryType>PermissionsBoundaryPolicy</PermissionsBoundaryType><PermissionsBoundaryArn>${boundaryArn}</PermissionsBoundaryArn></PermissionsBoundary></User>`,
            );
          }
          res.writeHead(up.statusCode ?? 502, { "Content-Type": up.headers["content-type"] ?? "text/xml" });
          res.end(text);
        });
        upstream.end(body);
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    endpoint.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  beforeEach(() => {
    endpoint.actions.length = 0;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  return endpoint;
}

const bounded = useUserWithBoundary(moto, BOUNDARY);

describe("iam-usersetpermissionsboundary", () => {
  it("sends PutUserPermissionsBoundary with the user and the ARN, signed, and prints nothing", async () => {
    wire.stub("PutUserPermissionsBoundary");
    expect(await viaWire("iam-usersetpermissionsboundary", "-u", "david", "-b", BOUNDARY)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({
      Action: "PutUserPermissionsBoundary",
      Version: "2010-05-08",
      UserName: "david",
      PermissionsBoundary: BOUNDARY,
    });
    const sig = await verifySignature(wire.requests[0], SECRET);
    expect(sig).toMatchObject({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", region: "us-east-1", service: "iam" });
    expect(sig.recomputed).toBe(sig.signature);
  });

  it("--permissions-boundary is the long form of -b", async () => {
    wire.stub("PutUserPermissionsBoundary");
    const res = await viaWire("iam-usersetpermissionsboundary", "--user-name", "david", "--permissions-boundary", OTHER);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests[0].params.PermissionsBoundary).toBe(OTHER);
  });

  it("refuses a malformed ARN and a missing -b, sending nothing", async () => {
    expect(await viaWire("iam-usersetpermissionsboundary", "-u", "david", "-b", "dev-boundary")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usersetpermissionsboundary: invalid policy ARN "dev-boundary": expected arn:aws:iam::<account>:policy/<name>\n',
    });
    expect((await viaWire("iam-usersetpermissionsboundary", "-u", "david")).stderr).toBe(
      "iam-usersetpermissionsboundary: missing required option -b POLICYARN (ARN of the managed policy that sets the most permissions the user can have)\n",
    );
    expect(wire.requests).toEqual([]);
  });
});

describe("iam-userdelpermissionsboundary", () => {
  it("sends DeleteUserPermissionsBoundary with the user, signed, and prints nothing", async () => {
    wire.stub("DeleteUserPermissionsBoundary");
    expect(await viaWire("iam-userdelpermissionsboundary", "-u", "david")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([
      { Action: "DeleteUserPermissionsBoundary", Version: "2010-05-08", UserName: "david" },
    ]);
    const sig = await verifySignature(wire.requests[0], SECRET);
    expect(sig.recomputed).toBe(sig.signature);
  });

  it("refuses an invalid user name, sending nothing", async () => {
    expect(await viaWire("iam-userdelpermissionsboundary", "-u", "david smith")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userdelpermissionsboundary: invalid user name "david smith": use only letters, digits and + = , . @ _ -\n',
    });
    expect(wire.requests).toEqual([]);
  });
});

describe("iam-rolesetpermissionsboundary", () => {
  it("sets the boundary, then replaces it, printing nothing", async () => {
    await createBoundaryPolicies();
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    expect(await cli("iam-rolesetpermissionsboundary", "-r", "web", "-b", BOUNDARY)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await roleBoundary()).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: BOUNDARY });
    const res = await cli("iam-rolesetpermissionsboundary", "--role-name", "web", "--permissions-boundary", OTHER);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await roleBoundary())?.PermissionsBoundaryArn).toBe(OTHER);
  });

  it("refuses a malformed ARN or role name, changing nothing", async () => {
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    expect(await cli("iam-rolesetpermissionsboundary", "-r", "web", "-b", "arn:aws:iam::123:policy/x")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-rolesetpermissionsboundary: invalid policy ARN "arn:aws:iam::123:policy/x": expected arn:aws:iam::<account>:policy/<name>\n',
    });
    expect((await cli("iam-rolesetpermissionsboundary", "-r", "web!", "-b", BOUNDARY)).stderr).toBe(
      'iam-rolesetpermissionsboundary: invalid role name "web!": use only letters, digits and + = , . @ _ -\n',
    );
    expect(await roleBoundary()).toBeUndefined();
  });

  it("a role that does not exist is IAM's NoSuchEntity, exit 1", async () => {
    const res = await cli("iam-rolesetpermissionsboundary", "-r", "ghost", "-b", BOUNDARY);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-rolesetpermissionsboundary: error \(NoSuchEntity\): /);
  });
});

describe("iam-roledelpermissionsboundary", () => {
  it("removes the boundary and keeps the policy, printing nothing", async () => {
    await createBoundaryPolicies();
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: BOUNDARY });
    expect((await roleBoundary())?.PermissionsBoundaryArn).toBe(BOUNDARY);
    expect(await cli("iam-roledelpermissionsboundary", "-r", "web")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await roleBoundary()).toBeUndefined();
    expect((await moto.iam.getPolicy({ PolicyArn: BOUNDARY })).Policy?.Arn).toBe(BOUNDARY);
  });

  it("refuses a missing -r, changing nothing", async () => {
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST, PermissionsBoundary: BOUNDARY });
    expect(await cli("iam-roledelpermissionsboundary")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-roledelpermissionsboundary: missing required option -r ROLENAME (the name of the role)\n",
    });
    expect((await roleBoundary())?.PermissionsBoundaryArn).toBe(BOUNDARY);
  });
});

describe("iam-userdel -r and a permissions boundary", () => {
  const viaBounded = (...argv: string[]) => runCli("iam-userdel", argv, { env: { ...moto.env, AWS_IAM_URL: bounded.url } });

  it("-r -p reports the boundary in its own section", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await viaBounded("-u", "david", "-r", "-p")).toEqual({
      code: 0,
      stdout: `accesskeys\npolicies\ncertificates\ngroups\npermissionsboundary\n\t${BOUNDARY}\n`,
      stderr: "",
    });
    expect(bounded.actions).not.toContain("DeleteUserPermissionsBoundary");
  });

  it("-r removes the boundary before deleting the user", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await viaBounded("-u", "david", "-r")).toEqual({ code: 0, stdout: "", stderr: "" });
    const { actions } = bounded;
    expect(actions.filter((a) => a === "DeleteUserPermissionsBoundary")).toHaveLength(1);
    expect(actions.indexOf("DeleteUserPermissionsBoundary")).toBeLessThan(actions.indexOf("DeleteUser"));
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });
});
