import { describe, expect, it } from "vitest";
import { SECRET_ACCESS_KEY, useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

async function seedCredential() {
  await moto.iam.createUser({ UserName: "david" });
  return (await moto.iam.createServiceSpecificCredential({ UserName: "david", ServiceName: "codecommit.amazonaws.com" })).ServiceSpecificCredential!;
}
const listed = async () => (await moto.iam.listServiceSpecificCredentials({ UserName: "david" })).ServiceSpecificCredentials!;

describe("iam-usermodservicecredential / iam-userresetservicecredential", () => {
  it("turns a credential off and on", async () => {
    const { ServiceSpecificCredentialId: id } = await seedCredential();
    expect(await cli("iam-usermodservicecredential", "-u", "david", "-k", id!, "-s", "Inactive")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await listed()).map((c) => c.Status)).toEqual(["Inactive"]);
    expect(await cli("iam-usermodservicecredential", "-u", "david", "-k", id!, "-s", "Active")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await listed()).map((c) => c.Status)).toEqual(["Active"]);
  });

  it("reset prints the service user name and the new password, which differs from the old one", async () => {
    const seeded = await seedCredential();
    const res = await cli("iam-userresetservicecredential", "-u", "david", "-k", seeded.ServiceSpecificCredentialId!);
    const [serviceUser, password, ...rest] = res.stdout.split("\n");
    expect([res.code, res.stderr, serviceUser, rest]).toEqual([0, "", seeded.ServiceUserName, [""]]);
    expect(password).toMatch(/^\S{20,}$/);
    expect(password).not.toBe(seeded.ServicePassword);
  });

  it("a credential the user lacks: IAM's NoSuchEntity, and --dry-run predicts it without resetting", async () => {
    await seedCredential();
    const other = "ACCAEXAMPLE0000000000";
    const real = await cli("iam-userresetservicecredential", "-u", "david", "-k", other);
    expect(real.code).toBe(1);
    expect(real.stderr).toMatch(/^iam-userresetservicecredential: error \(NoSuchEntity\): /);
    const dry = await wire.run("iam-userresetservicecredential", ["-u", "david", "-k", other, "--dry-run"]);
    expect(dry).toEqual({
      code: 1,
      stdout: `ResetServiceSpecificCredential\n\tUserName: david\n\tServiceSpecificCredentialId: ${other}\n`,
      stderr: `iam-userresetservicecredential: would fail: NoSuchEntity: ResetServiceSpecificCredential: service-specific credential ${other} of user david does not exist\n`,
    });
    expect(wire.requests.some((r) => r.params.Action === "ResetServiceSpecificCredential")).toBe(false);
  });

  it("refuses a malformed credential id before any request", async () => {
    await wire.expectRefused("iam-usermodservicecredential", ["-u", "david", "-k", "short", "-s", "Active"], 'invalid service-specific credential id "short": expected 20 to 128 letters and digits');
  });
});

/**
 * moto lacks ChangePassword and cannot check the old password; the test proves the request
 * instead: its fields on the wire and the signature recomputed with the secret.
 */
describe("iam-userchangepassword", () => {
  it("sends the current and the new password from their files, signed, and prints nothing", async () => {
    writeTestFile(moto, "old.pw", "Old-passw0rd!\n", 0o600);
    writeTestFile(moto, "new.pw", "N3w-passw0rd!\n", 0o600);
    wire.stub("ChangePassword");
    const res = await wire.run("iam-userchangepassword", ["--old-password-file", "old.pw", "--password-file", "new.pw"]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([{ Action: "ChangePassword", Version: "2010-05-08", OldPassword: "Old-passw0rd!", NewPassword: "N3w-passw0rd!" }]);
    const signature = await verifySignature(wire.requests[0], SECRET_ACCESS_KEY);
    expect(signature.recomputed).toBe(signature.signature);
  });

  it("reads one password from standard input, and refuses both from it; never echoes a password", async () => {
    writeTestFile(moto, "new.pw", "N3w-passw0rd!", 0o600);
    wire.stub("ChangePassword");
    const res = await wire.run("iam-userchangepassword", ["--old-password-file", "-", "--password-file", "new.pw"], { stdin: "Old-passw0rd!\n" });
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests[0].params.OldPassword).toBe("Old-passw0rd!");
    wire.requests.length = 0;
    await wire.expectRefused("iam-userchangepassword", ["--old-password-file", "-", "--password-file", "-"], "standard input holds one password: give the other in a file or on the terminal", "a\nb\n");
  });

  it("without a password file or a terminal, says so before any request", async () => {
    await wire.expectRefused("iam-userchangepassword", [], "the current password is required: use --old-password-file or run on a terminal");
  });
});
