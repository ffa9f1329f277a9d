import { describe, expect, it } from "vitest";
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, enforced, useMoto } from "./harness/moto.js";
import { runCli } from "./harness/run-cli.js";

/**
 * What scripts written for euca2ools rely on under the euare- names: lists that end at their
 * last item (an empty one prints nothing), and the credentials given with -I and -S on every call.
 */

const moto = useMoto();

/** The harness's environment without any credentials: only what the command line gives signs. */
const noCredentials = (): NodeJS.ProcessEnv => {
  const { AWS_CREDENTIAL_FILE: _unused, ...env } = moto.env;
  return { ...env, AWS_SHARED_CREDENTIALS_FILE: `${moto.dir}/none`, AWS_CONFIG_FILE: `${moto.dir}/none` };
};

const cli = (name: string, argv: string[], env = moto.env) => runCli(name, argv, { env });

describe("euare- lists print what euca2ools printed", () => {
  it("an empty list prints nothing, where the iam- name keeps IAMCli's trailer", async () => {
    await moto.iam.createUser({ UserName: "newuser" });
    expect(await cli("euare-userlistgroups", ["newuser"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await cli("iam-userlistgroups", ["-u", "newuser"])).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("a list streamed over several pages ends at its last item", async () => {
    for (const name of ["a", "b", "c"]) await moto.iam.createUser({ UserName: name });
    const arns = (await moto.iam.listUsers({})).Users!.map((u) => u.Arn);
    expect(await cli("euare-userlistbypath", ["--max-items", "1"])).toEqual({ code: 0, stdout: `${arns.join("\n")}\n`, stderr: "" });
  });

  it("keys, groups' members and aliases in euca2ools' layouts", async () => {
    await moto.iam.createUser({ UserName: "alice" });
    await moto.iam.createGroup({ GroupName: "admins" });
    await moto.iam.addUserToGroup({ GroupName: "admins", UserName: "alice" });
    const key = (await moto.iam.createAccessKey({ UserName: "alice" })).AccessKey!;
    expect((await cli("euare-userlistkeys", ["alice"])).stdout).toBe(`${key.AccessKeyId}\nActive\n`);
    const group = (await moto.iam.getGroup({ GroupName: "admins" })).Group!;
    const alice = (await moto.iam.getUser({ UserName: "alice" })).User!;
    expect((await cli("euare-grouplistusers", ["admins"])).stdout).toBe(`${group.Arn}\n   users\n   ${alice.Arn}\n`);
    expect((await cli("euare-grouplistbypath", [])).stdout).toBe(`groups\n   ${group.Arn}\n`);
    expect((await cli("euare-accountaliaslist", [])).stdout).toBe("");
    await moto.iam.createAccountAlias({ AccountAlias: "myaccount" });
    expect((await cli("euare-accountaliaslist", [])).stdout).toBe("Alias: myaccount\n");
  });

  it("user and role list-policies keep the trailer: euca2ools printed it there", async () => {
    await moto.iam.createUser({ UserName: "alice" });
    await moto.iam.createGroup({ GroupName: "admins" });
    expect(await cli("euare-userlistpolicies", ["alice"])).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    expect(await cli("euare-grouplistpolicies", ["admins"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--json is the same document under either name", async () => {
    await moto.iam.createUser({ UserName: "newuser" });
    const euare = await cli("euare-userlistgroups", ["newuser", "--json"]);
    expect(euare).toEqual(await cli("iam-userlistgroups", ["-u", "newuser", "--json"]));
    expect(JSON.parse(euare.stdout)).toEqual({ Groups: [] });
  });
});

describe("euca2ools' credential options on euare- names", () => {
  const WARNING = "warning: a secret key given with -S can be read by other local users (ps); prefer AWS_SECRET_ACCESS_KEY or a 0600 credential file";

  it("-I and -S sign the request, with a warning that the secret is visible to other users", async () => {
    const alice = (await moto.iam.createUser({ UserName: "alice" })).User!;
    const res = await cli("euare-usergetattributes", ["-I", ACCESS_KEY_ID, "-S", SECRET_ACCESS_KEY, "alice", "-d"], noCredentials());
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${alice.Arn}\n${alice.UserId}\n`);
    expect(res.stderr).toContain(`euare-usergetattributes: ${WARNING}\n`);
    expect(res.stderr).toContain(`euare-usergetattributes: debug: credentials: -I and -S on the command line (access key ${ACCESS_KEY_ID})\n`);
    expect(res.stderr).not.toContain(SECRET_ACCESS_KEY);
  });

  it("the long forms, --security-token and -U (the endpoint) work too", async () => {
    await moto.iam.createUser({ UserName: "alice" });
    const { AWS_IAM_URL: _url, ...env } = noCredentials();
    const res = await cli(
      "euare-userlistbypath",
      ["--access-key-id", ACCESS_KEY_ID, "--secret-key", SECRET_ACCESS_KEY, "--security-token", "session-token", "-U", moto.url, "-d"],
      env,
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${(await moto.iam.getUser({ UserName: "alice" })).User!.Arn}\n`);
    expect(res.stderr).toContain(`endpoint: ${moto.url} (--url)`);
  });

  it("a key IAM does not know is refused, naming where it came from", async () => {
    const res = await enforced(moto, () => cli("euare-userlistbypath", ["-I", "AKIAUNKNOWNUNKNOWN00", "-S", SECRET_ACCESS_KEY], noCredentials()));
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        `euare-userlistbypath: ${WARNING}`,
        "euare-userlistbypath: error (InvalidClientTokenId): The security token included in the request is invalid.",
        "euare-userlistbypath: the key used came from -I and -S on the command line (access key AKIAUNKNOWNUNKNOWN00)",
        "",
      ].join("\n"),
    });
  });

  it.each([
    [["-I", ACCESS_KEY_ID], "-I (access key ID) and -S (secret key) must be given together"],
    [["-S", SECRET_ACCESS_KEY], "-I (access key ID) and -S (secret key) must be given together"],
    [["--security-token", "t"], "--security-token needs the access key it belongs to: give -I and -S too"],
  ])("%j alone is a usage error (exit 2) before any request, never echoing the secret", async (argv, message) => {
    await moto.iam.createUser({ UserName: "alice" });
    const res = await cli("euare-userdel", ["alice", ...argv], noCredentials());
    expect(res).toEqual({ code: 2, stdout: "", stderr: `euare-userdel: ${message}\n` });
    expect((await moto.iam.listUsers({})).Users!.map((u) => u.UserName)).toEqual(["alice"]);
  });

  it("the iam- names keep refusing them", async () => {
    const res = await cli("iam-userlistbypath", ["-I", ACCESS_KEY_ID, "-S", SECRET_ACCESS_KEY]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe("iam-userlistbypath: unknown option '-I'; see iam-userlistbypath -h\n");
    expect((await cli("iam-userlistbypath", ["-U", moto.url])).code).toBe(2);
  });

  it("euare- help lists them; iam- help does not", async () => {
    const euare = (await cli("euare-userdel", ["-h"])).stdout;
    expect(euare).toMatch(/^ -I \(--access-key-id\) KEY_ID +: access key ID to sign with \(with -S\)$/m);
    expect(euare).toMatch(/^ -S \(--secret-key\) KEY +: secret key of that access key \(with -I\); other local users can read it in the process list$/m);
    expect(euare).toMatch(/^ -U \(--url\) SERVICEENDPOINT +: /m);
    const iam = (await cli("iam-userdel", ["-h"])).stdout;
    expect(iam).not.toMatch(/-I|-S \(|-U|security-token/);
  });
});
