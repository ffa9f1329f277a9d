import { X509Certificate, createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { fileMode, useMoto, writeTestFile } from "../harness/moto.js";
import { runCli, type CliResult } from "../harness/run-cli.js";

const moto = useMoto();
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });

interface Fixture {
  cert: string;
  key: string;
}

/** A self-signed certificate as `openssl req -x509 -newkey rsa:2048 -subj /CN=...` would make, with LF line ends. */
function selfSigned(commonName: string): Fixture {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: "commonName", value: commonName }]);
  cert.setIssuer([{ name: "commonName", value: commonName }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const lf = (pem: string) => pem.replace(/\r\n/g, "\n");
  return { cert: lf(forge.pki.certificateToPem(cert)), key: lf(forge.pki.privateKeyToPem(keys.privateKey)) };
}

let fixtures: Fixture[] = [];
beforeAll(() => {
  fixtures = [selfSigned("david"), selfSigned("david"), selfSigned("david")];
});

async function certsOf(userName: string) {
  return (await moto.iam.listSigningCertificates({ UserName: userName })).Certificates ?? [];
}

async function seedCert(index: number) {
  const { Certificate } = await moto.iam.uploadSigningCertificate({ UserName: "david", CertificateBody: fixtures[index].cert });
  return Certificate!.CertificateId!;
}

/** A fresh working directory, so default output file names never collide between tests. */
function workDir(): string {
  return mkdtempSync(join(moto.dir, "work-"));
}

/** True when any line of a PEM private key's base64 body shows up in the text. */
function leaksKey(text: string, keyPem: string): boolean {
  return text.includes("PRIVATE KEY") || keyPem.split("\n").some((line) => line.length > 40 && text.includes(line));
}

describe("iam-useraddcert -f", () => {
  it("uploads the file's certificate and prints its id", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = writeTestFile(moto, "cert.pem", fixtures[0].cert);
    const res = await cli("iam-useraddcert", "-u", "david", "-f", file);
    const [cert] = await certsOf("david");
    expect(res).toEqual({ code: 0, stdout: `${cert.CertificateId}\n`, stderr: "" });
    expect(cert.CertificateBody).toBe(fixtures[0].cert);
    expect(cert.Status).toBe("Active");
  });

  it("reads the certificate from standard input with -f -", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await runCli("iam-useraddcert", ["-u", "david", "-f", "-"], { env: moto.env, stdin: fixtures[1].cert });
    const [cert] = await certsOf("david");
    expect(res).toEqual({ code: 0, stdout: `${cert.CertificateId}\n`, stderr: "" });
    expect(cert.CertificateBody).toBe(fixtures[1].cert);
  });

  it("uploads only the certificate of a file that also holds its private key, and says so", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = writeTestFile(moto, "both.pem", `${fixtures[0].key}${fixtures[0].cert}`, 0o600);
    const res = await cli("iam-useraddcert", "-u", "david", "-f", file);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`iam-useraddcert: warning: certificate file ${file} also holds a private key; only the certificate is uploaded\n`);
    const [cert] = await certsOf("david");
    expect(cert.CertificateBody).toBe(fixtures[0].cert);
  });

  it("refuses a file without a PEM certificate, without echoing it", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = writeTestFile(moto, "key.pem", fixtures[0].key, 0o600);
    const res = await cli("iam-useraddcert", "-u", "david", "-f", file);
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddcert: certificate file ${file} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)\n`,
    });
    expect(await certsOf("david")).toEqual([]);
  });

  it("refuses a file holding a certificate chain", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = writeTestFile(moto, "chain.pem", fixtures[0].cert + fixtures[1].cert);
    expect(await cli("iam-useraddcert", "-u", "david", "-f", file)).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddcert: certificate file ${file} holds 2 certificates; upload one at a time\n`,
    });
    expect(await certsOf("david")).toEqual([]);
  });

  it("names a missing file", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-useraddcert", "-u", "david", "-f", "no-such.pem")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: certificate file no-such.pem does not exist\n",
    });
  });

  it("requires exactly one of -f and --generate", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = writeTestFile(moto, "cert.pem", fixtures[0].cert);
    expect(await cli("iam-useraddcert", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: a certificate is required: -f CERTFILE, or --generate to create one\n",
    });
    expect(await cli("iam-useraddcert", "-u", "david", "-f", file, "--generate")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: give -f CERTFILE or --generate, not both\n",
    });
    expect(await cli("iam-useraddcert", "-u", "david", "-f", file, "--days", "30")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: --days only applies with --generate\n",
    });
    expect(await certsOf("david")).toEqual([]);
  });

  it("reports IAM's two-certificate limit as a service error", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedCert(0);
    await seedCert(1);
    const file = writeTestFile(moto, "cert.pem", fixtures[2].cert);
    expect(await cli("iam-useraddcert", "-u", "david", "-f", file)).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-useraddcert: error (LimitExceeded): Cannot exceed quota for CertificatesPerUser: 2\n",
    });
    expect(await certsOf("david")).toHaveLength(2);
  });
});

describe("iam-useraddcert --generate", () => {
  const generate = (cwd: string, ...argv: string[]) =>
    runCli("iam-useraddcert", ["-u", "david", "--generate", ...argv], { env: moto.env, cwd });

  /** stdout holds the id only; stderr says which files were written. */
  function expectOnlyIdPrinted(res: CliResult, certificateId: string | undefined, keyPem: string, [keyFile, certFile] = ["david-key.pem", "david-cert.pem"]) {
    const wrote = `iam-useraddcert: wrote the private key to ${keyFile} (mode 0600) and the certificate to ${certFile}\n`;
    expect(res).toEqual({ code: 0, stdout: `${certificateId}\n`, stderr: wrote });
    expect(leaksKey(res.stdout + res.stderr, keyPem)).toBe(false);
  }

  it("writes a 0600 key and a self-signed SHA-256 certificate for CN=david, valid 365 days, and uploads it", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    const res = await generate(dir);
    const certPem = readFileSync(join(dir, "david-cert.pem"), "utf8");
    const keyPem = readFileSync(join(dir, "david-key.pem"), "utf8");
    const [uploaded] = await certsOf("david");
    expectOnlyIdPrinted(res, uploaded.CertificateId, keyPem);
    expect(uploaded.CertificateBody).toBe(certPem);

    expect(fileMode(join(dir, "david-key.pem"))).toBe(0o600);
    expect(fileMode(join(dir, "david-cert.pem"))).toBe(0o644 & ~process.umask());
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);

    const x509 = new X509Certificate(certPem);
    expect(x509.subject).toBe("CN=david");
    expect(x509.issuer).toBe("CN=david");
    const days = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000;
    expect(days).toBe(365);
    expect(Math.abs(Date.parse(x509.validFrom) - Date.now())).toBeLessThan(60_000);
    expect(Number.parseInt(x509.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
    expect(x509.serialNumber.length).toBeGreaterThanOrEqual(30);
    expect(x509.verify(x509.publicKey)).toBe(true);
    const privateKey = createPrivateKey(keyPem);
    expect(x509.checkPrivateKey(privateKey)).toBe(true);
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(forge.pki.certificateFromPem(certPem).signatureOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
  });

  it("honours --key-size, --days, --cert-out and --key-out", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    const res = await generate(dir, "--key-size", "3072", "--days", "30", "--cert-out", "c.pem", "--key-out", "k.pem");
    const keyPem = readFileSync(join(dir, "k.pem"), "utf8");
    const [uploaded] = await certsOf("david");
    expectOnlyIdPrinted(res, uploaded.CertificateId, keyPem, ["k.pem", "c.pem"]);
    const x509 = new X509Certificate(readFileSync(join(dir, "c.pem")));
    expect((Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000).toBe(30);
    expect(createPublicKey(keyPem).asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(fileMode(join(dir, "k.pem"))).toBe(0o600);
    expect(existsSync(join(dir, "david-key.pem"))).toBe(false);
  });

  it("prints the private key after the certificate id with --key-out -, and writes no key file", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    const res = await generate(dir, "--key-out", "-");
    const [uploaded] = await certsOf("david");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("iam-useraddcert: wrote the certificate to david-cert.pem\n");
    const [id, ...rest] = res.stdout.split("\n");
    expect(id).toBe(uploaded.CertificateId);
    const keyPem = rest.join("\n");
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(existsSync(join(dir, "david-key.pem"))).toBe(false);
    expect(new X509Certificate(readFileSync(join(dir, "david-cert.pem"))).checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
  });

  it("with --cert-out - --key-out - prints id, certificate and key in that order and writes no file", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    const res = await generate(dir, "--cert-out", "-", "--key-out", "-");
    const [uploaded] = await certsOf("david");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const match = /^(\w+)\n(-----BEGIN CERTIFICATE-----\n[\s\S]+?\n-----END CERTIFICATE-----\n)(-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n)$/.exec(
      res.stdout,
    );
    expect(match?.[1]).toBe(uploaded.CertificateId);
    expect(match?.[2]).toBe(uploaded.CertificateBody);
    expect(new X509Certificate(match![2]).checkPrivateKey(createPrivateKey(match![3]))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--json reports the files and leaves the private key out", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    const res = await generate(dir, "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.CertificateFile).toBe("david-cert.pem");
    expect(doc.PrivateKeyFile).toBe("david-key.pem");
    expect(doc.PrivateKey).toBeUndefined();
    expect(leaksKey(res.stdout, readFileSync(join(dir, "david-key.pem"), "utf8"))).toBe(false);
  });

  it("refuses to overwrite an existing key file, uploading nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    writeFileSync(join(dir, "david-key.pem"), "precious\n", { mode: 0o600 });
    expect(await generate(dir)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-useraddcert: private key file david-key.pem already exists (iamkit never overwrites it; remove it or choose another name)\n",
    });
    expect(readFileSync(join(dir, "david-key.pem"), "utf8")).toBe("precious\n");
    expect(existsSync(join(dir, "david-cert.pem"))).toBe(false);
    expect(await certsOf("david")).toEqual([]);
  });

  it("refuses to overwrite an existing certificate file, and removes the key file it had reserved", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    writeFileSync(join(dir, "david-cert.pem"), fixtures[0].cert);
    expect(await generate(dir)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-useraddcert: certificate file david-cert.pem already exists (iamkit never overwrites it; remove it or choose another name)\n",
    });
    expect(readFileSync(join(dir, "david-cert.pem"), "utf8")).toBe(fixtures[0].cert);
    expect(existsSync(join(dir, "david-key.pem"))).toBe(false);
    expect(await certsOf("david")).toEqual([]);
  });

  it("removes both files when the upload fails", async () => {
    const dir = workDir();
    const res = await generate(dir);
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-useraddcert: error (NoSuchEntity): The user with name david cannot be found.\n",
    });
    expect(existsSync(join(dir, "david-cert.pem"))).toBe(false);
    expect(existsSync(join(dir, "david-key.pem"))).toBe(false);
  });

  it("refuses a key shorter than 2048 bits before creating anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    expect(await generate(dir, "--key-size", "1024")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: --key-size must be a whole number from 2048 to 16384, not \"1024\"\n",
    });
    expect(existsSync(join(dir, "david-key.pem"))).toBe(false);
    expect(await certsOf("david")).toEqual([]);
  });

  it("needs -u, whose name becomes the subject", async () => {
    const dir = workDir();
    expect(await runCli("iam-useraddcert", ["--generate"], { env: moto.env, cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: --generate needs -u USERNAME: the user name becomes the certificate's subject (CN)\n",
    });
  });

  it("refuses the same file for certificate and key", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const dir = workDir();
    expect(await generate(dir, "--cert-out", "x.pem", "--key-out", "x.pem")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: --cert-out and --key-out name the same file\n",
    });
    expect(existsSync(join(dir, "x.pem"))).toBe(false);
  });
});

describe("iam-userdelcert", () => {
  it("deletes the certificate and prints nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const gone = await seedCert(0);
    const kept = await seedCert(1);
    expect(await cli("iam-userdelcert", "-u", "david", "-c", gone)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await certsOf("david")).map((c) => c.CertificateId)).toEqual([kept]);
  });

  it("refuses a malformed certificate id before sending anything", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedCert(0);
    expect(await cli("iam-userdelcert", "-u", "david", "-c", "short")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userdelcert: invalid certificate id "short": expected 24 to 128 letters and digits\n',
    });
    expect(await certsOf("david")).toHaveLength(1);
  });

  it("requires -c", async () => {
    expect(await cli("iam-userdelcert", "-u", "david")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userdelcert: missing required option -c CERTIFICATEID (the signing certificate id)\n",
    });
  });
});

describe("iam-usermodcert", () => {
  it("sets a certificate Inactive, printing nothing", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const id = await seedCert(0);
    expect(await cli("iam-usermodcert", "-u", "david", "-c", id, "-s", "Inactive")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await certsOf("david"))[0].Status).toBe("Inactive");
  });

  it("refuses a status other than Active or Inactive (the test server would store it)", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const id = await seedCert(0);
    expect(await cli("iam-usermodcert", "-u", "david", "-c", id, "-s", "Disabled")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-usermodcert: invalid value "Disabled" for -s: expected Active or Inactive\n',
    });
    expect((await certsOf("david"))[0].Status).toBe("Active");
  });
});

describe("iam-userlistcerts", () => {
  it("prints each certificate id then its status, then the trailer", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await seedCert(0);
    const inactive = await seedCert(1);
    await moto.iam.updateSigningCertificate({ UserName: "david", CertificateId: inactive, Status: "Inactive" });
    const [a, b] = (await certsOf("david")).map((c) => c.CertificateId);
    const status = (id: string | undefined) => (id === inactive ? "Inactive" : "Active");
    expect(await cli("iam-userlistcerts", "-u", "david")).toEqual({
      code: 0,
      stdout: `${a}\n${status(a)}\n${b}\n${status(b)}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("-v prints each certificate's PEM body between its id and its status", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const id = await seedCert(0);
    expect(await cli("iam-userlistcerts", "-u", "david", "-v")).toEqual({
      code: 0,
      stdout: `${id}\n${fixtures[0].cert}Active\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer for a user without certificates", async () => {
    await moto.iam.createUser({ UserName: "david" });
    expect(await cli("iam-userlistcerts", "-u", "david")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("refuses an invalid user name, and maps a missing user to NoSuchEntity", async () => {
    expect(await cli("iam-userlistcerts", "-u", "a/b")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlistcerts: invalid user name "a/b": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await cli("iam-userlistcerts", "-u", "nobody")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userlistcerts: error (NoSuchEntity): The user with name nobody cannot be found.\n",
    });
  });
});
