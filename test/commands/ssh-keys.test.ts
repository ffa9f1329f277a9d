import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import { describe, expect, it } from "vitest";
import { sshPublicKey } from "../harness/fixtures.js";
import { useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";

const moto = useMoto();
/** moto ignores GetSSHPublicKey's Encoding, and lets DeleteUser through with keys left: those requests are checked on the wire. */
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env, cwd: moto.dir });
const viaWire = (name: string, ...argv: string[]) => wire.run(name, argv);

/** An OpenSSH `ssh-ed25519` line, built from the raw key as ssh-keygen writes it. */
function ed25519Line(comment: string): string {
  const raw = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" }).subarray(-32);
  const field = (data: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, data.length]), data]);
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from("ssh-ed25519")), field(raw)]).toString("base64")} ${comment}`;
}

function rsaOpenSsh(bits: number): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return forge.ssh.publicKeyToOpenSSH(forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString()), "x");
}

const keysOf = async (UserName = "david") => (await moto.iam.listSSHPublicKeys({ UserName })).SSHPublicKeys ?? [];

async function seedKey(body = sshPublicKey(), UserName = "david") {
  return (await moto.iam.uploadSSHPublicKey({ UserName, SSHPublicKeyBody: body })).SSHPublicKey!.SSHPublicKeyId!;
}

describe("iam-useraddsshkey", () => {
  it("-f uploads an ssh-rsa .pub file as it is and prints the new key id", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const line = sshPublicKey();
    writeTestFile(moto, "id_rsa.pub", `${line}\n`);
    const res = await cli("iam-useraddsshkey", "-u", "david", "-f", "id_rsa.pub");
    const keys = await keysOf();
    expect(keys).toHaveLength(1);
    expect(res).toEqual({ code: 0, stdout: `${keys[0].SSHPublicKeyId}\n`, stderr: "" });
    expect(keys[0].SSHPublicKeyId).toMatch(/^APKA\w{16}$/);
    const { SSHPublicKey } = await moto.iam.getSSHPublicKey({ UserName: "david", SSHPublicKeyId: keys[0].SSHPublicKeyId, Encoding: "SSH" });
    expect(SSHPublicKey?.SSHPublicKeyBody).toBe(line);
  });

  it("reads an ssh-ed25519 key from standard input with -f -", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const line = ed25519Line("david@laptop");
    const res = await runCli("iam-useraddsshkey", ["-u", "david", "--ssh-public-key-file", "-"], { env: moto.env, stdin: `${line}\n` });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${(await keysOf())[0].SSHPublicKeyId}\n`);
    const id = (await keysOf())[0].SSHPublicKeyId;
    expect((await moto.iam.getSSHPublicKey({ UserName: "david", SSHPublicKeyId: id, Encoding: "SSH" })).SSHPublicKey?.SSHPublicKeyBody).toBe(line);
  });

  it("accepts a PEM public key", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    writeTestFile(moto, "key.pem", pem);
    const res = await cli("iam-useraddsshkey", "-u", "david", "-f", "key.pem");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const id = (await keysOf())[0].SSHPublicKeyId;
    expect((await moto.iam.getSSHPublicKey({ UserName: "david", SSHPublicKeyId: id, Encoding: "PEM" })).SSHPublicKey?.SSHPublicKeyBody).toBe(pem.trim());
  });

  it("refuses a private key without uploading or echoing it", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const secret = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    writeTestFile(moto, "id_rsa", secret, 0o600);
    expect(await cli("iam-useraddsshkey", "-u", "david", "-f", "id_rsa")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddsshkey: id_rsa holds a private key; give the public key (the .pub file), which is all IAM needs\n",
    });
    const openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
    const res = await runCli("iam-useraddsshkey", ["-u", "david", "-f", "-"], { env: moto.env, stdin: openssh });
    expect(res.stderr).toBe(
      "iam-useraddsshkey: (standard input) holds a private key; give the public key (the .pub file), which is all IAM needs\n",
    );
    expect(await keysOf()).toEqual([]);
  });

  it("refuses what is not one usable public key, sending nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const refused = async (name: string, content: string) => {
      writeTestFile(moto, name, content);
      const res = await cli("iam-useraddsshkey", "-u", "david", "-f", name);
      expect(res.code, name).toBe(2);
      expect(res.stdout, name).toBe("");
      return res.stderr;
    };
    const expected =
      'expected an OpenSSH public key ("ssh-rsa AAAA..." or "ssh-ed25519 AAAA...") or a PEM public key';
    expect(await refused("notes.txt", "hello world\n")).toBe(`iam-useraddsshkey: notes.txt does not hold an SSH public key: ${expected}\n`);
    expect(await refused("dsa.pub", "ssh-dss AAAAB3NzaC1kc3MAAACBAP== old\n")).toBe(
      `iam-useraddsshkey: dsa.pub does not hold an SSH public key: ${expected}\n`,
    );
    expect(await refused("blank.pub", "\n\n")).toBe(`iam-useraddsshkey: blank.pub is empty: ${expected}\n`);
    expect(await refused("small.pub", rsaOpenSsh(1024))).toBe(
      "iam-useraddsshkey: small.pub holds a 1024-bit RSA key; IAM requires at least 2048 bits\n",
    );
    const rsaData = sshPublicKey().split(" ")[1];
    expect(await refused("mislabelled.pub", `ssh-ed25519 ${rsaData} x`)).toBe(
      "iam-useraddsshkey: mislabelled.pub: the ssh-ed25519 key data is damaged (it does not decode to a whole ssh-ed25519 key)\n",
    );
    expect(await refused("cut.pub", `ssh-rsa ${rsaData.slice(0, 100)}`)).toBe(
      "iam-useraddsshkey: cut.pub: the ssh-rsa key data is damaged (it does not decode to a whole ssh-rsa key)\n",
    );
    expect(await refused("authorized_keys", `${sshPublicKey()}\n# laptop\n${ed25519Line("b")}\n`)).toBe(
      "iam-useraddsshkey: authorized_keys holds 2 lines of keys; upload one key at a time\n",
    );
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(await refused("ec.pem", ec)).toBe("iam-useraddsshkey: ec.pem holds a public key of type ec; IAM takes RSA or Ed25519 keys\n");
    expect(await refused("bad.pem", "-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n")).toBe(
      "iam-useraddsshkey: bad.pem holds a PEM block that is not a readable public key\n",
    );
    expect((await cli("iam-useraddsshkey", "-u", "david", "-f", "missing.pub")).stderr).toBe(
      "iam-useraddsshkey: SSH public key file missing.pub does not exist\n",
    );
    expect((await cli("iam-useraddsshkey", "-u", "david")).stderr).toBe(
      "iam-useraddsshkey: missing required option -f KEYFILE (file holding the public key, one OpenSSH line or a PEM block (- reads standard input))\n",
    );
    expect(await keysOf()).toEqual([]);
  });

  it("a user that does not exist is IAM's NoSuchEntity, exit 1", async () => {
    writeTestFile(moto, "id_rsa.pub", sshPublicKey());
    const res = await cli("iam-useraddsshkey", "-u", "ghost", "-f", "id_rsa.pub");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^iam-useraddsshkey: error \(NoSuchEntity\): /);
  });
});

describe("iam-userlistsshkeys", () => {
  it("prints each key id and its status, then the trailer", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const first = await seedKey();
    const second = await seedKey(ed25519Line("b"));
    await moto.iam.updateSSHPublicKey({ UserName: "david", SSHPublicKeyId: second, Status: "Inactive" });
    expect(await cli("iam-userlistsshkeys", "-u", "david")).toEqual({
      code: 0,
      stdout: `${first}\nActive\n${second}\nInactive\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer for a user without keys", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userlistsshkeys", "-u", "david")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("needs -u: IAM has no default user for SSH keys", async () => {
    expect(await cli("iam-userlistsshkeys")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userlistsshkeys: missing required option -u USERNAME (the user who owns the keys)\n",
    });
  });
});

describe("iam-usergetsshkey", () => {
  it("prints the key body, asking for the SSH encoding by default", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const line = sshPublicKey();
    const id = await seedKey(line);
    expect(await viaWire("iam-usergetsshkey", "-u", "david", "-k", id)).toEqual({ code: 0, stdout: `${line}\n`, stderr: "" });
    expect(wire.requests.map((r) => r.params)).toEqual([
      { Action: "GetSSHPublicKey", Version: "2010-05-08", UserName: "david", SSHPublicKeyId: id, Encoding: "SSH" },
    ]);
  });

  it("--encoding PEM asks IAM for PEM (moto answers the stored body regardless)", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const id = await seedKey();
    const res = await viaWire("iam-usergetsshkey", "-u", "david", "--ssh-public-key-id", id, "--encoding", "PEM");
    expect(res.code).toBe(0);
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({
      Action: "GetSSHPublicKey",
      Version: "2010-05-08",
      UserName: "david",
      SSHPublicKeyId: id,
      Encoding: "PEM",
    });
    const sig = await verifySignature(wire.requests[0], "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expect(sig.recomputed).toBe(sig.signature);
  });

  it("refuses a bad encoding or key id before sending anything", async () => {
    expect(await viaWire("iam-usergetsshkey", "-u", "david", "-k", "APKAEIBAERJR2EXAMPLE", "--encoding", "pem")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usergetsshkey: invalid value "pem" for --encoding: expected SSH or PEM\n',
    });
    expect((await viaWire("iam-usergetsshkey", "-u", "david", "-k", "APKA-1")).stderr).toBe(
      'iam-usergetsshkey: invalid SSH public key id "APKA-1": expected 20 to 128 letters and digits\n',
    );
    expect(wire.requests).toEqual([]);
  });

  it("an unknown key id is IAM's NoSuchEntity, exit 1", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await cli("iam-usergetsshkey", "-u", "david", "-k", "APKAEIBAERJR2EXAMPLE");
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-usergetsshkey: error (NoSuchEntity): The SSH Public Key with id APKAEIBAERJR2EXAMPLE cannot be found\n",
    });
  });
});

describe("iam-usermodsshkey", () => {
  it("-s Inactive turns the key off and prints nothing; -s Active turns it on again", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const id = await seedKey();
    expect(await cli("iam-usermodsshkey", "-u", "david", "-k", id, "-s", "Inactive")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await keysOf())[0].Status).toBe("Inactive");
    expect(await cli("iam-usermodsshkey", "-u", "david", "-k", id, "--status", "Active")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await keysOf())[0].Status).toBe("Active");
  });

  it("refuses a status other than Active or Inactive, changing nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const id = await seedKey();
    expect(await cli("iam-usermodsshkey", "-u", "david", "-k", id, "-s", "off")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usermodsshkey: invalid value "off" for -s: expected Active or Inactive\n',
    });
    expect((await cli("iam-usermodsshkey", "-u", "david", "-k", id)).stderr).toBe(
      "iam-usermodsshkey: missing required option -s STATUS (the new status of the SSH key: Active or Inactive)\n",
    );
    expect((await keysOf())[0].Status).toBe("Active");
  });
});

describe("iam-userdelsshkey", () => {
  it("deletes the one key and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const gone = await seedKey();
    const kept = await seedKey(ed25519Line("b"));
    expect(await cli("iam-userdelsshkey", "-u", "david", "-k", gone)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await keysOf()).map((k) => k.SSHPublicKeyId)).toEqual([kept]);
  });

  it("refuses a malformed key id and a missing -k, deleting nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedKey();
    expect(await cli("iam-userdelsshkey", "-u", "david", "-k", "short")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userdelsshkey: invalid SSH public key id "short": expected 20 to 128 letters and digits\n',
    });
    expect((await cli("iam-userdelsshkey", "-u", "david")).stderr).toBe(
      "iam-userdelsshkey: missing required option -k SSHKEYID (the id of the SSH public key)\n",
    );
    expect(await keysOf()).toHaveLength(1);
  });
});

describe("iam-userdel -r and SSH keys", () => {
  it("-r -p lists the key under sshkeys, and -r deletes it before the user", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const id = await seedKey();
    expect(await cli("iam-userdel", "-u", "david", "-r", "-p")).toEqual({
      code: 0,
      stdout: `accesskeys\npolicies\ncertificates\ngroups\nsshkeys\n\t${id}\n`,
      stderr: "",
    });
    expect(await keysOf()).toHaveLength(1);

    const res = await viaWire("iam-userdel", "-u", "david", "-r");
    expect(res.code).toBe(0);
    const actions = wire.requests.map((r) => r.params.Action);
    const deletion = wire.requests.find((r) => r.params.Action === "DeleteSSHPublicKey");
    expect(deletion?.params).toEqual({ Action: "DeleteSSHPublicKey", Version: "2010-05-08", UserName: "david", SSHPublicKeyId: id });
    expect(actions.indexOf("DeleteSSHPublicKey")).toBeLessThan(actions.indexOf("DeleteUser"));
    expect(actions.at(-1)).toBe("DeleteUser");
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });
});
