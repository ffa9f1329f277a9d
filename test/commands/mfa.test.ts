import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileMode, useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";
import { localContext } from "../../dist/core/context.js";
import { toFailure } from "../../dist/core/errors.js";
import virtualMfaDeviceCreate from "../../dist/commands/virtualmfadevice/iam-virtualmfadevicecreate.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const MFA = (name: string, path = "/") => `arn:aws:iam::123456789012:mfa${path}${name}`;
const HARDWARE = "GAHT12345678";

/**
 * moto lacks ResyncMFADevice, and ListMFADevices without a user name (the caller's own devices):
 * those requests are proven on the wire. The pagination test counts requests there too.
 */
const wire = useWire(moto);
const viaWire = (name: string, ...argv: string[]) => wire.run(name, argv);

async function seedVirtual(name: string, path?: string): Promise<string> {
  const { VirtualMFADevice } = await moto.iam.createVirtualMFADevice({ VirtualMFADeviceName: name, Path: path });
  return VirtualMFADevice!.SerialNumber!;
}

async function assign(userName: string, serial: string): Promise<void> {
  await moto.iam.enableMFADevice({ UserName: userName, SerialNumber: serial, AuthenticationCode1: "123456", AuthenticationCode2: "654321" });
}

const devicesOf = async (userName: string) =>
  ((await moto.iam.listMFADevices({ UserName: userName })).MFADevices ?? []).map((d) => d.SerialNumber);

/** Every virtual device as the test server holds it, seed and QR code included. */
const virtualDevices = async (status?: "Assigned" | "Unassigned") =>
  (await moto.iam.listVirtualMFADevices({ AssignmentStatus: status })).VirtualMFADevices ?? [];

const serialsOf = async (status?: "Assigned" | "Unassigned") => (await virtualDevices(status)).map((d) => d.SerialNumber);

/** A fresh name in the test directory: the outfile must not exist yet. */
let fileCount = 0;
const newFile = (ext: string) => join(moto.dir, `bootstrap-${++fileCount}.${ext}`);

describe("iam-userenablemfadevice", () => {
  it("assigns a virtual device with -c1 and -c2 and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const serial = await seedVirtual("david");
    const res = await cli("iam-userenablemfadevice", "-u", "david", "-s", serial, "-c1", "123456", "-c2", "654321");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await devicesOf("david")).toEqual([serial]);
    const [device] = await virtualDevices("Assigned");
    expect(device.User?.UserName).toBe("david");
  });

  it("takes euca2ools' spelling: the user as an argument, the long names, a hardware serial", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli(
      "euare-userenablemfadevice",
      "david",
      "--serial-number",
      HARDWARE,
      "--authentication-code-1",
      "000111",
      "--authentication-code-2",
      "222333",
    );
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await devicesOf("david")).toEqual([HARDWARE]);
  });

  it("sends the two codes as given, leading zeros included", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await viaWire("iam-userenablemfadevice", "-u", "david", "-s", HARDWARE, "-c1", "012345", "-c2", "000042");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([
      {
        Action: "EnableMFADevice",
        Version: "2010-05-08",
        UserName: "david",
        SerialNumber: HARDWARE,
        AuthenticationCode1: "012345",
        AuthenticationCode2: "000042",
      },
    ]);
  });

  it("refuses codes that are not 6 digits, and a malformed serial, without echoing the code or sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const ok = ["-u", "david", "-s", HARDWARE];
    expect(await viaWire("iam-userenablemfadevice", ...ok, "-c1", "12345", "-c2", "654321")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userenablemfadevice: -c1 must be a 6-digit code from the MFA device\n",
    });
    expect(await viaWire("iam-userenablemfadevice", ...ok, "-c1", "123456", "-c2", "65432x")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userenablemfadevice: -c2 must be a 6-digit code from the MFA device\n",
    });
    expect(await viaWire("iam-userenablemfadevice", ...ok, "-c1", "123456")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-userenablemfadevice: missing required option -c2 CODE (the next code the device shows after it, 6 digits)\n",
    });
    expect(await viaWire("iam-userenablemfadevice", "-u", "david", "-s", "GAHT 1234", "-c1", "123456", "-c2", "654321")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'iam-userenablemfadevice: invalid MFA serial number "GAHT 1234": expected a hardware device\'s serial or a virtual device\'s ARN (9 to 256 letters, digits and + = / : , . @ _ -)\n',
    });
    expect(await viaWire("iam-userenablemfadevice", "-u", "david", "-c1", "123456", "-c2", "654321")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-userenablemfadevice: missing required option -s SERIALNUMBER (the MFA device's serial number: a hardware device's serial or a virtual device's ARN)\n",
    });
    expect(wire.requests).toEqual([]);
    expect(await devicesOf("david")).toEqual([]);
  });

  it("reports IAM's refusal for a user that does not exist", async () => {
    const res = await cli("iam-userenablemfadevice", "-u", "nobody", "-s", HARDWARE, "-c1", "123456", "-c2", "654321");
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userenablemfadevice: error (NoSuchEntity): The user with name nobody cannot be found.\n",
    });
  });
});

describe("iam-userdeactivatemfadevice", () => {
  it("takes the device from the user and prints nothing; a virtual device stays, unassigned", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const serial = await seedVirtual("david");
    await assign("david", serial);
    const res = await cli("iam-userdeactivatemfadevice", "-u", "david", "-s", serial);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await devicesOf("david")).toEqual([]);
    expect(await serialsOf("Unassigned")).toEqual([serial]);
  });

  it("works as euare-userdeactivatemfadevice with the user as an argument", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await assign("david", HARDWARE);
    expect(await cli("euare-userdeactivatemfadevice", "david", "-s", HARDWARE)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await devicesOf("david")).toEqual([]);
  });

  it("reports IAM's refusal for a device the user does not have", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userdeactivatemfadevice", "-u", "david", "-s", HARDWARE)).toEqual({
      code: 1,
      stdout: "",
      stderr: `iam-userdeactivatemfadevice: error (NoSuchEntity): Device ${HARDWARE} not found\n`,
    });
  });

  it("refuses a missing or malformed serial before sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await assign("david", HARDWARE);
    expect(await viaWire("iam-userdeactivatemfadevice", "-u", "david", "-s", "short")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'iam-userdeactivatemfadevice: invalid MFA serial number "short": expected a hardware device\'s serial or a virtual device\'s ARN (9 to 256 letters, digits and + = / : , . @ _ -)\n',
    });
    expect(await viaWire("iam-userdeactivatemfadevice", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-userdeactivatemfadevice: missing required option -s SERIALNUMBER (the MFA device's serial number: a hardware device's serial or a virtual device's ARN)\n",
    });
    expect(wire.requests).toEqual([]);
    expect(await devicesOf("david")).toEqual([HARDWARE]);
  });
});

describe("iam-userresyncmfadevice", () => {
  it("sends ResyncMFADevice with the user, serial and both codes, signed, and prints nothing", async () => {
    wire.stub("ResyncMFADevice");
    const serial = MFA("david");
    const res = await viaWire("iam-userresyncmfadevice", "-u", "david", "-s", serial, "-c1", "123456", "-c2", "098765");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests).toHaveLength(1);
    const [request] = wire.requests;
    expect(request.method).toBe("POST");
    expect(request.params.Action).toBe("ResyncMFADevice");
    expect(request.params.Version).toBe("2010-05-08");
    expect(request.params.UserName).toBe("david");
    expect(request.params.SerialNumber).toBe(serial);
    expect(request.params.AuthenticationCode1).toBe("123456");
    expect(request.params.AuthenticationCode2).toBe("098765");
    expect(Object.keys(request.params).sort()).toEqual([
      "Action",
      "AuthenticationCode1",
      "AuthenticationCode2",
      "SerialNumber",
      "UserName",
      "Version",
    ]);
    const signature = await verifySignature(request, SECRET);
    expect(signature).toMatchObject({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", region: "us-east-1", service: "iam" });
    expect(signature.recomputed).toBe(signature.signature);
  });

  it("takes euca2ools' spelling: the user as an argument and -c1/-c2", async () => {
    wire.stub("ResyncMFADevice");
    const res = await wire.run("euare-userresyncmfadevice", ["david", "-s", HARDWARE, "-c1", "111111", "-c2", "222222"]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([
      {
        Action: "ResyncMFADevice",
        Version: "2010-05-08",
        UserName: "david",
        SerialNumber: HARDWARE,
        AuthenticationCode1: "111111",
        AuthenticationCode2: "222222",
      },
    ]);
  });

  it("against an endpoint without the action (moto), says so with exit 1", async () => {
    const res = await cli("iam-userresyncmfadevice", "-u", "david", "-s", HARDWARE, "-c1", "123456", "-c2", "654321");
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userresyncmfadevice: error (HTTP 500): this endpoint does not implement ResyncMFADevice\n",
    });
  });

  it("refuses bad codes and a missing user before sending anything", async () => {
    wire.stub("ResyncMFADevice");
    expect(await viaWire("iam-userresyncmfadevice", "-u", "david", "-s", HARDWARE, "-c1", "1234567", "-c2", "654321")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userresyncmfadevice: -c1 must be a 6-digit code from the MFA device\n",
    });
    expect(await viaWire("iam-userresyncmfadevice", "-s", HARDWARE, "-c1", "123456", "-c2", "654321")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userresyncmfadevice: missing required option -u USERNAME (the name of the user)\n",
    });
    expect(wire.requests).toEqual([]);
  });
});

describe("iam-userlistmfadevices", () => {
  it("prints each serial number on its own line, then IsTruncated: false", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const serial = await seedVirtual("david", "/staff/");
    await assign("david", serial);
    await assign("david", HARDWARE);
    const res = await cli("iam-userlistmfadevices", "-u", "david");
    expect(res).toEqual({ code: 0, stdout: `${MFA("david", "/staff/")}\n${HARDWARE}\nIsTruncated: false\n`, stderr: "" });
    // euca2ools printed no trailer.
    expect(await cli("euare-userlistmfadevices", "david")).toEqual({ ...res, stdout: `${MFA("david", "/staff/")}\n${HARDWARE}\n` });
  });

  it("prints only the trailer for a user without devices", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userlistmfadevices", "-u", "david")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("without -u asks for the caller's own devices (no UserName on the wire)", async () => {
    wire.stub("ListMFADevices");
    const res = await viaWire("iam-userlistmfadevices");
    expect(res).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([{ Action: "ListMFADevices", Version: "2010-05-08" }]);
  });

  it("refuses an invalid user name, and reports a missing user", async () => {
    expect(await viaWire("iam-userlistmfadevices", "-u", "bad name")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlistmfadevices: invalid user name "bad name": use only letters, digits and + = , . @ _ -\n',
    });
    expect(wire.requests).toEqual([]);
    expect(await cli("iam-userlistmfadevices", "-u", "nobody")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userlistmfadevices: error (NoSuchEntity): The user with name nobody cannot be found.\n",
    });
  });
});

describe("iam-virtualmfadevicecreate", () => {
  it("-m Base32StringSeed writes the seed and a newline to a new 0600 file and prints only the serial number", async () => {
    const file = newFile("txt");
    const res = await cli("iam-virtualmfadevicecreate", "-s", "david", "-m", "Base32StringSeed", "-o", file);
    expect(res).toEqual({ code: 0, stdout: `${MFA("david")}\n`, stderr: "" });
    const [device] = await virtualDevices();
    expect(device.SerialNumber).toBe(MFA("david"));
    const seed = Buffer.from(device.Base32StringSeed!).toString("ascii");
    expect(seed).toMatch(/^[A-Z2-7]{16,}$/);
    expect(readFileSync(file, "utf8")).toBe(`${seed}\n`);
    expect(fileMode(file)).toBe(0o600);
  });

  it("-m QRCodePNG writes the image bytes exactly as IAM sent them; -p puts the device under a path", async () => {
    const file = newFile("png");
    const res = await cli(
      "iam-virtualmfadevicecreate",
      "--virtual-mfa-device-name",
      "david",
      "--path",
      "/staff/",
      "--bootstrap-method",
      "QRCodePNG",
      "--outfile",
      file,
    );
    expect(res).toEqual({ code: 0, stdout: `${MFA("david", "/staff/")}\n`, stderr: "" });
    const [device] = await virtualDevices();
    expect(device.SerialNumber).toBe(MFA("david", "/staff/"));
    expect(new Uint8Array(readFileSync(file))).toEqual(new Uint8Array(device.QRCodePNG!));
    expect(fileMode(file)).toBe(0o600);
  });

  it("never shows the seed on stdout or stderr, with --json or -d either", async () => {
    const files = [newFile("txt"), newFile("txt"), newFile("png")];
    const json = await cli("iam-virtualmfadevicecreate", "-s", "one", "-m", "Base32StringSeed", "-o", files[0], "--json");
    const debug = await cli("iam-virtualmfadevicecreate", "-s", "two", "-m", "Base32StringSeed", "-o", files[1], "-d");
    const png = await cli("iam-virtualmfadevicecreate", "-s", "three", "-m", "QRCodePNG", "-o", files[2], "--json");
    expect([json.code, debug.code, png.code]).toEqual([0, 0, 0]);
    expect(JSON.parse(json.stdout)).toEqual({ VirtualMFADevice: { SerialNumber: MFA("one") }, BootstrapFile: files[0] });
    expect(JSON.parse(png.stdout)).toEqual({ VirtualMFADevice: { SerialNumber: MFA("three") }, BootstrapFile: files[2] });
    expect(debug.stdout).toBe(`${MFA("two")}\n`);
    expect(debug.stderr).toMatch(/CreateVirtualMFADevice HTTP 200/);
    for (const [i, device] of (await virtualDevices()).entries()) {
      const seed = Buffer.from(device.Base32StringSeed!).toString("ascii");
      const qr = Buffer.from(device.QRCodePNG!).toString("base64");
      for (const output of [json, debug, png]) {
        for (const text of [output.stdout, output.stderr]) {
          expect(text).not.toContain(seed);
          expect(text).not.toContain(seed.slice(0, 16));
          expect(text).not.toContain(qr);
        }
      }
      if (i < 2) expect(readFileSync(files[i], "utf8")).toBe(`${seed}\n`);
    }
  });

  it("sends --tag and -p with the request", async () => {
    const file = newFile("txt");
    const res = await viaWire("iam-virtualmfadevicecreate", "-s", "david", "-p", "/staff/", "-m", "Base32StringSeed", "-o", file, "--tag", "team=ops", "--tag", "cost=42");
    expect(res).toEqual({ code: 0, stdout: `${MFA("david", "/staff/")}\n`, stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([
      {
        Action: "CreateVirtualMFADevice",
        Version: "2010-05-08",
        VirtualMFADeviceName: "david",
        Path: "/staff/",
        "Tags.member.1.Key": "team",
        "Tags.member.1.Value": "ops",
        "Tags.member.2.Key": "cost",
        "Tags.member.2.Value": "42",
      },
    ]);
  });

  it("an existing --outfile stops it with exit 2 before any device is created, and the file is left alone", async () => {
    const file = newFile("txt");
    writeFileSync(file, "keep me\n");
    const res = await viaWire("iam-virtualmfadevicecreate", "-s", "david", "-m", "Base32StringSeed", "-o", file);
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-virtualmfadevicecreate: output file ${file} already exists (iamkit never overwrites it; remove it or choose another name)\n`,
    });
    expect(readFileSync(file, "utf8")).toBe("keep me\n");
    expect(wire.requests).toEqual([]);
    expect(await virtualDevices()).toEqual([]);
  });

  it("refuses -o - (the data is a secret), a bad method, a bad name or a bad path, sending nothing", async () => {
    const file = newFile("txt");
    const cases: [string[], string][] = [
      [["-s", "david", "-m", "Base32StringSeed", "-o", "-"], "-o - is not allowed: the bootstrap data is a secret; name a new file"],
      [["-s", "david", "-m", "PNG", "-o", file], 'invalid value "PNG" for -m: expected QRCodePNG or Base32StringSeed'],
      [["-s", "david", "-o", file], "missing required option -m METHOD (what to save: QRCodePNG, a QR code image to scan, or Base32StringSeed, the secret to type in)"],
      [["-s", "david", "-m", "QRCodePNG"], "missing required option -o FILE (new file for the bootstrap data, created with mode 0600; never overwritten)"],
      [["-s", "my device", "-m", "QRCodePNG", "-o", file], 'invalid virtual MFA device name "my device": use only letters, digits and + = , . @ _ -'],
      [["-s", "x".repeat(227), "-m", "QRCodePNG", "-o", file], `invalid virtual MFA device name "${"x".repeat(227)}": must be 1 to 226 characters`],
      [["-s", "david", "-p", "staff/", "-m", "QRCodePNG", "-o", file], 'invalid path "staff/": must begin and end with /'],
      [["-s", "david", "-m", "QRCodePNG", "-o", file, "--tag", "a=1", "--tag", "A=2"], 'tag key "A" is given twice'],
    ];
    for (const [argv, message] of cases) {
      expect(await viaWire("iam-virtualmfadevicecreate", ...argv)).toEqual({ code: 2, stdout: "", stderr: `iam-virtualmfadevicecreate: ${message}\n` });
    }
    expect(wire.requests).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(moto.dir, "-"))).toBe(false);
    expect(await virtualDevices()).toEqual([]);
  });

  it("when IAM refuses (name taken), removes the empty file so a retry under another name is not blocked", async () => {
    const serial = await seedVirtual("david");
    const file = newFile("txt");
    const res = await cli("iam-virtualmfadevicecreate", "-s", "david", "-m", "Base32StringSeed", "-o", file);
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-virtualmfadevicecreate: error (EntityAlreadyExists): MFADevice entity at the same path and name already exists.\n",
    });
    expect(existsSync(file)).toBe(false);
    expect(await serialsOf()).toEqual([serial]);
    expect((await cli("iam-virtualmfadevicecreate", "-s", "david2", "-m", "Base32StringSeed", "-o", file)).code).toBe(0);
  });

  it("is not installed as an euare- command (euca2ools had no virtual MFA commands)", async () => {
    for (const name of ["euare-virtualmfadevicecreate", "euare-virtualmfadevicedel", "euare-virtualmfadevicelist"]) {
      const installed = name.replace("euare-", "iam-");
      expect(await cli(name)).toEqual({ code: 2, stdout: "", stderr: `iamkit: unknown command "${name}" (did you mean ${installed}?); run iamkit --help for the list\n` });
    }
  });
});

/**
 * A failed write cannot be provoked portably through the file system (a full disk cannot be
 * arranged, permissions do not bind root, and the file is always new), so this runs the command's
 * run() with a context whose file refuses writes.
 */
describe("iam-virtualmfadevicecreate when saving the bootstrap data fails", () => {
  const PROG = "iam-virtualmfadevicecreate";

  function failingContext(iam: unknown) {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, env: moto.env, cwd: moto.dir };
    const local = localContext(PROG, io, false, (line: string) => line);
    return {
      ...local,
      iam,
      async createNewFile(path: string, mode: number, what: string) {
        const handle = await local.createNewFile(path, mode, what);
        handle.writeFile = async () => {
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        };
        return handle;
      },
    };
  }

  async function failureOf(iam: unknown, file: string) {
    const opts = { deviceName: "david", bootstrapMethod: "Base32StringSeed", outfile: file };
    const err = await virtualMfaDeviceCreate.run(failingContext(iam), opts).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    return toFailure(err, PROG);
  }

  it("deletes the new device again and removes the file, so the same command can be rerun", async () => {
    const file = newFile("txt");
    expect(await failureOf(moto.iam, file)).toEqual({
      code: 1,
      lines: [
        `${PROG}: error: could not save the bootstrap data to ${file}: ENOSPC: no space left on device, write`,
        `${PROG}: the new device ${MFA("david")} was deleted again; nothing was kept, so the command can be rerun`,
      ],
    });
    expect(existsSync(file)).toBe(false);
    expect(await virtualDevices()).toEqual([]);
    expect(await cli(PROG, "-s", "david", "-m", "Base32StringSeed", "-o", file)).toEqual({ code: 0, stdout: `${MFA("david")}\n`, stderr: "" });
  });

  it("says how to delete the device when deleting it again fails too", async () => {
    const file = newFile("txt");
    const iam = new Proxy(moto.iam, {
      get: (target, key) =>
        key === "deleteVirtualMFADevice"
          ? async () => {
              throw new Error("connection reset");
            }
          : Reflect.get(target, key),
    });
    expect(await failureOf(iam, file)).toEqual({
      code: 1,
      lines: [
        `${PROG}: error: could not save the bootstrap data to ${file}: ENOSPC: no space left on device, write`,
        `${PROG}: the new device ${MFA("david")} exists without its bootstrap data and could not be deleted: run iam-virtualmfadevicedel -s ${MFA("david")}`,
      ],
    });
    expect(existsSync(file)).toBe(false);
    expect(await serialsOf()).toEqual([MFA("david")]);
  });
});

describe("iam-virtualmfadevicedel", () => {
  it("deletes the device named by its ARN and prints nothing", async () => {
    const serial = await seedVirtual("david", "/staff/");
    const other = await seedVirtual("erin");
    expect(await cli("iam-virtualmfadevicedel", "-s", serial)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await serialsOf()).toEqual([other]);
    expect(await cli("iam-virtualmfadevicedel", "--serial-number", other)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await serialsOf()).toEqual([]);
  });

  it("refuses a bare device name or hardware serial (it wants the ARN), sending nothing", async () => {
    const serial = await seedVirtual("david");
    for (const value of ["david", HARDWARE]) {
      expect(await viaWire("iam-virtualmfadevicedel", "-s", value)).toEqual({
        code: 2,
        stdout: "",
        stderr: `iam-virtualmfadevicedel: invalid virtual MFA device serial number "${value}": expected its ARN, arn:aws:iam::<account>:mfa/<name> (iam-virtualmfadevicelist shows them)\n`,
      });
    }
    expect(await viaWire("iam-virtualmfadevicedel")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-virtualmfadevicedel: missing required option -s SERIALNUMBER (the virtual device's serial number, which is its ARN)\n",
    });
    expect(wire.requests).toEqual([]);
    expect(await serialsOf()).toEqual([serial]);
  });

  it("reports IAM's refusal for a device that does not exist", async () => {
    expect(await cli("iam-virtualmfadevicedel", "-s", MFA("nope"))).toEqual({
      code: 1,
      stdout: "",
      stderr: `iam-virtualmfadevicedel: error (NoSuchEntity): VirtualMFADevice with serial number ${MFA("nope")} doesn't exist.\n`,
    });
  });
});

describe("iam-virtualmfadevicelist", () => {
  async function seedThree() {
    await moto.iam.createUser({ UserName: "david" });
    const [a, b, c] = [await seedVirtual("alpha"), await seedVirtual("bravo", "/staff/"), await seedVirtual("charlie")];
    await assign("david", b);
    return [a, b, c];
  }

  it("lists every device, an assigned one followed by a tab and its user", async () => {
    const [a, b, c] = await seedThree();
    const all = { code: 0, stdout: `${a}\n${b}\tdavid\n${c}\nIsTruncated: false\n`, stderr: "" };
    expect(await cli("iam-virtualmfadevicelist")).toEqual(all);
    expect(await cli("iam-virtualmfadevicelist", "-a", "Any")).toEqual(all);
  });

  it("-a Assigned and -a Unassigned filter", async () => {
    const [a, b, c] = await seedThree();
    expect(await cli("iam-virtualmfadevicelist", "-a", "Assigned")).toEqual({ code: 0, stdout: `${b}\tdavid\nIsTruncated: false\n`, stderr: "" });
    expect(await cli("iam-virtualmfadevicelist", "--assignment-status", "Unassigned")).toEqual({
      code: 0,
      stdout: `${a}\n${c}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer when there are none", async () => {
    expect(await cli("iam-virtualmfadevicelist")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("--json lists the devices without their seeds or QR codes (the test server returns them)", async () => {
    await seedThree();
    const res = await cli("iam-virtualmfadevicelist", "--json");
    expect(res.code).toBe(0);
    const { VirtualMFADevices } = JSON.parse(res.stdout);
    expect(VirtualMFADevices.map((d: { SerialNumber: string }) => d.SerialNumber)).toEqual(await serialsOf());
    expect(res.stdout).not.toContain("Base32StringSeed");
    expect(res.stdout).not.toContain("QRCodePNG");
    expect(VirtualMFADevices[1].User.UserName).toBe("david");
  });

  it("follows the marker over more devices than one page holds", async () => {
    const serials: string[] = [];
    for (let i = 0; i < 101; i++) serials.push(await seedVirtual(`device${String(i).padStart(3, "0")}`));
    const res = await viaWire("iam-virtualmfadevicelist", "-a", "Unassigned", "-i", "100");
    expect(res).toEqual({ code: 0, stdout: `${serials.join("\n")}\nIsTruncated: false\n`, stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([
      { Action: "ListVirtualMFADevices", Version: "2010-05-08", AssignmentStatus: "Unassigned", MaxItems: "100" },
      { Action: "ListVirtualMFADevices", Version: "2010-05-08", AssignmentStatus: "Unassigned", Marker: "100", MaxItems: "100" },
    ]);
  });

  it("refuses an unknown status before sending anything", async () => {
    expect(await viaWire("iam-virtualmfadevicelist", "-a", "assigned")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-virtualmfadevicelist: invalid value "assigned" for -a: expected Assigned or Unassigned or Any\n',
    });
    expect(wire.requests).toEqual([]);
  });
});
