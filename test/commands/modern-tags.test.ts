import { describe, expect, it } from "vitest";
import { useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire } from "../harness/wire.js";

const moto = useMoto();
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });

const SERIAL = "arn:aws:iam::123456789012:mfa/david";

/** The tag, untag and list-tags commands of one kind, with the flag that names the entity. */
const kinds = [
  {
    noun: "virtualmfadevice",
    what: "virtual MFA device",
    entity: ["-s", SERIAL],
    seed: () => moto.iam.createVirtualMFADevice({ VirtualMFADeviceName: "david" }),
    missing: ["-s", "arn:aws:iam::123456789012:mfa/nobody"],
  },
  {
    noun: "servercert",
    what: "server certificate",
    entity: ["-s", "www.example.com"],
    seed: () => moto.iam.uploadServerCertificate({ ServerCertificateName: "www.example.com", CertificateBody: "body", PrivateKey: "key" }),
    missing: ["-s", "nowhere.example.com"],
  },
];

for (const { noun, what, entity, seed, missing } of kinds) {
  describe(`iam-${noun}tag / untag / listtags`, () => {
    it("adds, replaces and removes tags; the listing reads every page", async () => {
      await seed();
      expect(await cli(`iam-${noun}tag`, ...entity, "-t", "team=web", "-t", "env=prod", "-t", "owner=david")).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await cli(`iam-${noun}tag`, ...entity, "-t", "env=test")).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await cli(`iam-${noun}untag`, ...entity, "-k", "owner")).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await cli(`iam-${noun}listtags`, ...entity)).toEqual({ code: 0, stdout: "team=web\nenv=test\nIsTruncated: false\n", stderr: "" });
    });

    it(`a missing ${what} is IAM's NoSuchEntity, and --dry-run predicts it without tagging`, async () => {
      const real = await cli(`iam-${noun}tag`, ...missing, "-t", "team=web");
      expect(real.code).toBe(1);
      expect(real.stderr).toMatch(new RegExp(`^iam-${noun}tag: error \\(NoSuchEntity\\): `));
      const dry = await wire.run(`iam-${noun}tag`, [...missing, "-t", "team=web", "--dry-run"]);
      expect(dry.code).toBe(1);
      expect(dry.stderr).toBe(`iam-${noun}tag: would fail: NoSuchEntity: Tag${noun === "servercert" ? "ServerCertificate" : "MFADevice"}: ${what} ${missing[1]} does not exist\n`);
      expect(wire.requests.some((r) => /^Tag/.test(r.params.Action))).toBe(false);
    });
  });
}

describe("iam-usergetmfadevice", () => {
  it("shows the device's serial number, user and enable date", async () => {
    const { VirtualMFADevice } = await moto.iam.createVirtualMFADevice({ VirtualMFADeviceName: "david" });
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.enableMFADevice({ UserName: "david", SerialNumber: VirtualMFADevice!.SerialNumber, AuthenticationCode1: "123456", AuthenticationCode2: "654321" });
    const enabled = (await moto.iam.listMFADevices({ UserName: "david" })).MFADevices![0].EnableDate!;
    expect(await cli("iam-usergetmfadevice", "-u", "david", "-s", SERIAL)).toEqual({
      code: 0,
      stdout: `SerialNumber: ${SERIAL}\nUserName: david\nEnableDate: ${enabled.toISOString()}\n`,
      stderr: "",
    });
  });

  it("a device the user does not hold is IAM's NoSuchEntity", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-usergetmfadevice", "-u", "david", "-s", SERIAL);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-usergetmfadevice: error \(NoSuchEntity\): /);
  });
});
