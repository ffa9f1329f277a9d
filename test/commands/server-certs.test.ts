import { X509Certificate, createPrivateKey, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { fileMode, useMoto, writeTestFile } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";
import { useWire, verifySignature } from "../harness/wire.js";

const moto = useMoto();
/** The upload tests read the request back off the wire: IAM never returns a server certificate's private key. */
const wire = useWire(moto);
const cli = (name: string, ...argv: string[]) => runCli(name, argv, { env: moto.env });
const CERT = (name: string, path = "/") => `arn:aws:iam::123456789012:server-certificate${path}${name}`;
/** moto answers every server certificate with this stub id. */
const MOTO_ID = "ASCACKCEVSQ6C2EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

interface Pair {
  cert: string;
  /** PKCS#1 (`BEGIN RSA PRIVATE KEY`), as older openssl writes it. */
  key: string;
  /** The same key as PKCS#8 (`BEGIN PRIVATE KEY`). */
  pkcs8: string;
  /** The same key, passphrase-protected. */
  encrypted: string;
}

const lf = (pem: string) => pem.replace(/\r\n/g, "\n");

/** A certificate for `commonName` issued by `issuer` (self-signed without one), with its key in three encodings. */
function makePair(commonName: string, issuer?: { cert: string; key: string }): Pair {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: "commonName", value: commonName }]);
  cert.setIssuer(issuer ? forge.pki.certificateFromPem(issuer.cert).subject.attributes : [{ name: "commonName", value: commonName }]);
  cert.sign(issuer ? forge.pki.privateKeyFromPem(issuer.key) : forgeKey, forge.md.sha256.create());
  return {
    cert: lf(forge.pki.certificateToPem(cert)),
    key: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    pkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    encrypted: privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "hunter2" }).toString(),
  };
}

let ca: Pair;
let www: Pair;
let other: Pair;
beforeAll(() => {
  ca = makePair("Example CA");
  www = makePair("www.example.com", ca);
  other = makePair("other.example.com");
});

/** True when any line of a PEM private key's base64 body shows up in the text. */
function leaksKey(text: string, keyPem: string): boolean {
  return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) || keyPem.split("\n").some((line) => line.length > 40 && text.includes(line));
}

const certNames = async () =>
  ((await moto.iam.listServerCertificates({})).ServerCertificateMetadataList ?? []).map((m) => m.ServerCertificateName).sort();
const stored = async (name: string) => (await moto.iam.getServerCertificate({ ServerCertificateName: name })).ServerCertificate!;
/** The test server hands a certificate body back without its final newline (the chain it keeps as sent). */
const asStored = (pem: string) => pem.replace(/\n$/, "");
const seedCert = (name: string, path = "/") =>
  moto.iam.uploadServerCertificate({ ServerCertificateName: name, Path: path, CertificateBody: www.cert, PrivateKey: www.key });

function workDir(): string {
  return mkdtempSync(join(moto.dir, "work-"));
}

describe("iam-servercertupload -b -k", () => {
  it("uploads the certificate and its key, prints nothing, and sends exactly the PEM blocks", async () => {
    const body = writeTestFile(moto, "www.pem", www.cert);
    const key = writeTestFile(moto, "www.key", www.key, 0o600);
    expect(await wire.run("iam-servercertupload", ["-s", "www", "-b", body, "-k", key])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({
      Action: "UploadServerCertificate",
      Version: "2010-05-08",
      ServerCertificateName: "www",
      CertificateBody: www.cert,
      PrivateKey: www.key,
    });
    const signature = await verifySignature(wire.requests[0], SECRET);
    expect(signature.recomputed).toBe(signature.signature);
    const cert = await stored("www");
    expect(cert.CertificateBody).toBe(asStored(www.cert));
    expect(cert.CertificateChain).toBeUndefined();
    expect(cert.ServerCertificateMetadata?.Path).toBe("/");
  });

  it("-c -p -v (the recorded CloudFront call) uploads the chain under the path and prints ARN then id", async () => {
    const body = writeTestFile(moto, "www.pem", www.cert);
    const key = writeTestFile(moto, "www.key", www.pkcs8, 0o600);
    const chain = writeTestFile(moto, "chain.pem", ca.cert);
    const res = await cli("iam-servercertupload", "-b", body, "-c", chain, "-k", key, "-p", "/cloudfront/", "-s", "www", "-v");
    expect(res).toEqual({ code: 0, stdout: `${CERT("www", "/cloudfront/")}\n${MOTO_ID}\n`, stderr: "" });
    const cert = await stored("www");
    expect(cert.CertificateBody).toBe(asStored(www.cert));
    expect(cert.CertificateChain).toBe(ca.cert);
    expect(cert.ServerCertificateMetadata?.Path).toBe("/cloudfront/");
  });

  it("euare- form: the name as an argument, long options, the key from standard input", async () => {
    const body = writeTestFile(moto, "www.pem", www.cert);
    const res = await wire.run("euare-servercertupload", ["www", "--certificate-file", body, "--private-key-file", "-"], {
      stdin: www.pkcs8,
    });
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests[0].params.PrivateKey).toBe(www.pkcs8);
    expect(await certNames()).toEqual(["www"]);
  });

  it("sends only the key block of a key file with extra text (openssl's Bag Attributes)", async () => {
    const body = writeTestFile(moto, "www.pem", www.cert);
    const key = writeTestFile(moto, "www.key", `Bag Attributes\n    localKeyID: 01 02\n${www.key}`, 0o600);
    expect((await wire.run("iam-servercertupload", ["-s", "www", "-b", body, "-k", key])).code).toBe(0);
    expect(wire.requests[0].params.PrivateKey).toBe(www.key);
  });

  it("takes certificate and key apart from one combined file given as both -b and -k", async () => {
    const both = writeTestFile(moto, "both.pem", `${www.key}${www.cert}`, 0o600);
    expect(await wire.run("iam-servercertupload", ["-s", "www", "-b", both, "-k", both])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests[0].params.CertificateBody).toBe(www.cert);
    expect(wire.requests[0].params.PrivateKey).toBe(www.key);
  });

  it("sends only the certificate of a body file that also holds a key, and says so", async () => {
    const both = writeTestFile(moto, "both.pem", `${www.key}${www.cert}`, 0o600);
    const key = writeTestFile(moto, "www.key", www.key, 0o600);
    const res = await wire.run("iam-servercertupload", ["-s", "www", "-b", both, "-k", key]);
    expect(res).toEqual({
      code: 0,
      stdout: "",
      stderr: `iam-servercertupload: warning: certificate file ${both} also holds a private key; only the certificate is sent as the body\n`,
    });
    expect(wire.requests[0].params.CertificateBody).toBe(www.cert);
  });

  it("never shows the private key, even with -d", async () => {
    const body = writeTestFile(moto, "www.pem", www.cert);
    const key = writeTestFile(moto, "www.key", www.key, 0o600);
    const res = await cli("iam-servercertupload", "-s", "www", "-b", body, "-k", key, "-v", "-d", "--json");
    expect(res.code).toBe(0);
    expect(leaksKey(res.stdout + res.stderr, www.key)).toBe(false);
  });

  describe("refuses bad input before sending anything, naming files but never showing the key", () => {
    const refused = async (argv: string[], message: string, stdin?: string) => {
      const res = await wire.run("iam-servercertupload", argv, { stdin });
      expect(res).toEqual({ code: 2, stdout: "", stderr: `iam-servercertupload: ${message}\n` });
      expect(leaksKey(res.stderr, www.key) || leaksKey(res.stderr, other.key)).toBe(false);
      expect(wire.requests).toEqual([]);
      expect(await certNames()).toEqual([]);
    };
    let body: string;
    let key: string;
    beforeAll(() => {
      body = writeTestFile(moto, "www.pem", www.cert);
      key = writeTestFile(moto, "www.key", www.key, 0o600);
    });

    it("a body file without a certificate (the key given as -b)", async () => {
      await refused(["-s", "www", "-b", key, "-k", key], `certificate file ${key} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)`);
    });

    it("a body file holding the whole chain", async () => {
      const full = writeTestFile(moto, "fullchain.pem", www.cert + ca.cert);
      await refused(
        ["-s", "www", "-b", full, "-k", key],
        `certificate file ${full} holds 2 certificates; give the server's own with -b and the rest with -c CHAINFILE`,
      );
    });

    it("a key file without a key (the certificate given as -k)", async () => {
      await refused(["-s", "www", "-b", body, "-k", body], `private key file ${body} holds no PEM private key (no "-----BEGIN ... PRIVATE KEY-----" block)`);
    });

    it("a key file holding two keys", async () => {
      const two = writeTestFile(moto, "two.key", www.key + other.key, 0o600);
      await refused(["-s", "www", "-b", body, "-k", two], `private key file ${two} holds 2 private keys; give only the certificate's own`);
    });

    it("a passphrase-protected key", async () => {
      const locked = writeTestFile(moto, "locked.key", www.encrypted, 0o600);
      await refused(["-s", "www", "-b", body, "-k", locked], `private key file ${locked} holds an encrypted private key; IAM needs it without a passphrase`);
    });

    it("a key that does not belong to the certificate", async () => {
      const wrong = writeTestFile(moto, "other.key", other.key, 0o600);
      await refused(["-s", "www", "-b", body, "-k", wrong], `the private key in ${wrong} does not belong to the certificate in ${body}`);
    });

    it("a certificate block that is not a certificate", async () => {
      const junk = writeTestFile(moto, "junk.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
      await refused(["-s", "www", "-b", junk, "-k", key], `certificate file ${junk} holds a certificate that cannot be parsed`);
    });

    it("a chain file without certificates", async () => {
      const empty = writeTestFile(moto, "empty.pem", "\n");
      await refused(
        ["-s", "www", "-b", body, "-k", key, "-c", empty],
        `certificate chain file ${empty} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)`,
      );
    });

    it("a missing file", async () => {
      await refused(["-s", "www", "-b", body, "-k", "no-such.key"], "private key file no-such.key does not exist");
    });

    it("a missing -k, -b or both", async () => {
      await refused(["-s", "www", "-b", body], "-b needs -k KEYFILE: IAM stores the certificate together with its private key");
      await refused(["-s", "www", "-k", key], "-k needs -b BODYFILE: the certificate the private key belongs to");
      await refused(["-s", "www"], "a certificate is required: -b BODYFILE with -k KEYFILE, or --generate to create both");
    });

    it("standard input for two files", async () => {
      await refused(["-s", "www", "-b", "-", "-k", "-"], "only one of -b, -k and -c can read standard input", www.cert + www.key);
    });

    it("an invalid name or path", async () => {
      await refused(["-s", "www example", "-b", body, "-k", key], 'invalid server certificate name "www example": use only letters, digits and + = , . @ _ -');
      await refused(["-s", "www", "-b", body, "-k", key, "-p", "cloudfront"], 'invalid path "cloudfront": must begin and end with /');
    });

    it("--generate together with -b, or with -c, and --generate's options without it", async () => {
      await refused(["-s", "www", "-b", body, "-k", key, "--generate"], "give -b BODYFILE and -k KEYFILE, or --generate, not both");
      await refused(["-s", "www", "--generate", "-c", body], "a self-signed certificate has no chain: -c does not apply with --generate");
      await refused(["-s", "www", "-b", body, "-k", key, "--days", "30"], "--days only applies with --generate");
    });
  });
});

describe("iam-servercertupload --generate", () => {
  const generate = (cwd: string, ...argv: string[]) => wire.run("iam-servercertupload", ["-s", "www.example.com", "--generate", ...argv], { cwd });

  it("writes a 0600 key and a self-signed certificate for CN=<name>, uploads both, and -v prints ARN and id", async () => {
    const dir = workDir();
    const res = await generate(dir, "-v", "-p", "/cloudfront/");
    expect(res).toEqual({
      code: 0,
      stdout: `${CERT("www.example.com", "/cloudfront/")}\n${MOTO_ID}\n`,
      stderr: "iam-servercertupload: wrote the private key to www.example.com-key.pem (mode 0600) and the certificate to www.example.com-cert.pem\n",
    });
    const keyPem = readFileSync(join(dir, "www.example.com-key.pem"), "utf8");
    const certPem = readFileSync(join(dir, "www.example.com-cert.pem"), "utf8");
    expect(fileMode(join(dir, "www.example.com-key.pem"))).toBe(0o600);
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({
      Action: "UploadServerCertificate",
      Version: "2010-05-08",
      ServerCertificateName: "www.example.com",
      Path: "/cloudfront/",
      CertificateBody: certPem,
      PrivateKey: keyPem,
    });
    expect((await stored("www.example.com")).CertificateBody).toBe(asStored(certPem));
    const x509 = new X509Certificate(certPem);
    expect(x509.subject).toBe("CN=www.example.com");
    expect(x509.issuer).toBe("CN=www.example.com");
    expect((Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000).toBe(365);
    expect(x509.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(leaksKey(res.stdout + res.stderr, keyPem)).toBe(false);
  });

  it("honours --key-size, --days, --cert-out and --key-out", async () => {
    const dir = workDir();
    const res = await generate(dir, "--key-size", "3072", "--days", "30", "--cert-out", "c.pem", "--key-out", "k.pem");
    expect(res).toEqual({ code: 0, stdout: "", stderr: "iam-servercertupload: wrote the private key to k.pem (mode 0600) and the certificate to c.pem\n" });
    const keyPem = readFileSync(join(dir, "k.pem"), "utf8");
    expect(createPrivateKey(keyPem).asymmetricKeyDetails?.modulusLength).toBe(3072);
    const x509 = new X509Certificate(readFileSync(join(dir, "c.pem")));
    expect((Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000).toBe(30);
    expect(fileMode(join(dir, "k.pem"))).toBe(0o600);
    expect(wire.requests[0].params.PrivateKey).toBe(keyPem);
    expect(existsSync(join(dir, "www.example.com-key.pem"))).toBe(false);
  });

  it("--json names the files and leaves the key out", async () => {
    const dir = workDir();
    const res = await generate(dir, "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.CertificateFile).toBe("www.example.com-cert.pem");
    expect(doc.PrivateKeyFile).toBe("www.example.com-key.pem");
    expect(doc.ServerCertificateMetadata.Arn).toBe(CERT("www.example.com"));
    expect(leaksKey(res.stdout, readFileSync(join(dir, "www.example.com-key.pem"), "utf8"))).toBe(false);
  });

  it("refuses to overwrite an existing key file, generating and uploading nothing", async () => {
    const dir = workDir();
    writeFileSync(join(dir, "www.example.com-key.pem"), "precious\n", { mode: 0o600 });
    expect(await generate(dir)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "iam-servercertupload: private key file www.example.com-key.pem already exists (iamkit never overwrites it; remove it or choose another name)\n",
    });
    expect(readFileSync(join(dir, "www.example.com-key.pem"), "utf8")).toBe("precious\n");
    expect(existsSync(join(dir, "www.example.com-cert.pem"))).toBe(false);
    expect(wire.requests).toEqual([]);
  });

  it("removes both files when the upload fails", async () => {
    const dir = workDir();
    // With authentication enforced, the test credential is unknown to the server: the upload is refused.
    await moto.enforceAuthAfter(0);
    try {
      expect(await generate(dir)).toEqual({
        code: 1,
        stdout: "",
        stderr:
          "iam-servercertupload: error (InvalidClientTokenId): The security token included in the request is invalid.\n" +
          `iam-servercertupload: the key used came from credential file ${moto.env.AWS_CREDENTIAL_FILE} (AWS_CREDENTIAL_FILE)\n`,
      });
    } finally {
      await moto.enforceAuthAfter("inf");
    }
    expect(existsSync(join(dir, "www.example.com-key.pem"))).toBe(false);
    expect(existsSync(join(dir, "www.example.com-cert.pem"))).toBe(false);
    expect(await certNames()).toEqual([]);
  });

  it("refuses a weak key, one file for both, and - as a file name, creating nothing", async () => {
    const dir = workDir();
    const refused = async (argv: string[], message: string) =>
      expect(await generate(dir, ...argv)).toEqual({ code: 2, stdout: "", stderr: `iam-servercertupload: ${message}\n` });
    await refused(["--key-size", "1024"], '--key-size must be a whole number from 2048 to 16384, not "1024"');
    await refused(["--days", "0"], '--days must be a whole number from 1 to 36500, not "0"');
    await refused(["--cert-out", "x.pem", "--key-out", "x.pem"], "--cert-out and --key-out name the same file");
    await refused(["--key-out", "-"], "--generate writes the key and certificate to files; - is not a file name here");
    expect(existsSync(join(dir, "x.pem"))).toBe(false);
    expect(wire.requests).toEqual([]);
  });
});

describe("iam-servercertdel", () => {
  it("deletes the certificate and prints nothing", async () => {
    await seedCert("www");
    await seedCert("api");
    expect(await cli("iam-servercertdel", "-s", "www")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await certNames()).toEqual(["api"]);
  });

  it("euare- form takes the name as an argument", async () => {
    await seedCert("www");
    expect(await cli("euare-servercertdel", "www")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await certNames()).toEqual([]);
  });

  it("refuses an invalid name, and maps a missing certificate to NoSuchEntity", async () => {
    await seedCert("www");
    expect(await cli("iam-servercertdel", "-s", "www/old")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-servercertdel: invalid server certificate name "www/old": use only letters, digits and + = , . @ _ -\n',
    });
    expect(await cli("iam-servercertdel", "-s", "nope")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-servercertdel: error (NoSuchEntity): The Server Certificate with name nope cannot be found.\n",
    });
    expect(await certNames()).toEqual(["www"]);
  });
});

describe("iam-servercertgetattributes", () => {
  it("prints the ARN, then the ServerCertificateId (the recorded legacy output)", async () => {
    await seedCert("snplow_certificate");
    expect(await cli("iam-servercertgetattributes", "-s", "snplow_certificate")).toEqual({
      code: 0,
      stdout: `${CERT("snplow_certificate")}\n${MOTO_ID}\n`,
      stderr: "",
    });
  });

  it("euare- form: the name as an argument; a path shows in the ARN", async () => {
    await seedCert("www", "/cloudfront/");
    expect(await cli("euare-servercertgetattributes", "www")).toEqual({
      code: 0,
      stdout: `${CERT("www", "/cloudfront/")}\n${MOTO_ID}\n`,
      stderr: "",
    });
  });

  it("--json includes the public body but no key", async () => {
    await seedCert("www");
    const res = await cli("iam-servercertgetattributes", "-s", "www", "--json");
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).ServerCertificate.CertificateBody).toBe(asStored(www.cert));
    expect(leaksKey(res.stdout, www.key)).toBe(false);
  });

  it("requires -s, and maps a missing certificate to NoSuchEntity", async () => {
    expect(await cli("iam-servercertgetattributes")).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-servercertgetattributes: missing required option -s CERTNAME (the name of the server certificate)\n",
    });
    expect(await cli("iam-servercertgetattributes", "-s", "nope")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-servercertgetattributes: error (NoSuchEntity): The Server Certificate with name nope cannot be found.\n",
    });
  });
});

describe("iam-servercertlistbypath", () => {
  it("lists every certificate's ARN, then the trailer", async () => {
    await seedCert("stage.mysite.com");
    await seedCert("www.mysite.com", "/cloudfront/");
    expect(await cli("iam-servercertlistbypath")).toEqual({
      code: 0,
      stdout: `${CERT("stage.mysite.com")}\n${CERT("www.mysite.com", "/cloudfront/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("-p keeps only the certificates under the prefix (the test server ignores PathPrefix)", async () => {
    await seedCert("stage");
    await seedCert("www", "/cloudfront/");
    await seedCert("img", "/cloudfront/static/");
    await seedCert("odd", "/cloudfronts/");
    expect(await cli("iam-servercertlistbypath", "-p", "/cloudfront/")).toEqual({
      code: 0,
      stdout: `${CERT("www", "/cloudfront/")}\n${CERT("img", "/cloudfront/static/")}\nIsTruncated: false\n`,
      stderr: "",
    });
  });

  it("prints only the trailer when there are none", async () => {
    expect(await cli("iam-servercertlistbypath")).toEqual({ code: 0, stdout: "IsTruncated: false\n", stderr: "" });
  });

  it("refuses a prefix with a space", async () => {
    expect(await cli("iam-servercertlistbypath", "-p", "/cloud front/")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-servercertlistbypath: invalid path "/cloud front/": only printable ASCII characters without spaces are allowed\n',
    });
  });
});

/** moto does not implement UpdateServerCertificate: the request is checked on the wire instead. */
describe("iam-servercertmod", () => {
  it("-n and -p send the new name and path, signed, and print nothing", async () => {
    wire.stub("UpdateServerCertificate");
    const res = await wire.run("iam-servercertmod", ["-s", "www", "-n", "www-2025", "-p", "/cloudfront/"]);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(wire.requests).toHaveLength(1);
    expect(wire.requests[0].params).toEqual({
      Action: "UpdateServerCertificate",
      Version: "2010-05-08",
      ServerCertificateName: "www",
      NewServerCertificateName: "www-2025",
      NewPath: "/cloudfront/",
    });
    const signature = await verifySignature(wire.requests[0], SECRET);
    expect(signature).toMatchObject({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", region: "us-east-1", service: "iam" });
    expect(signature.recomputed).toBe(signature.signature);
  });

  it("-p alone sends only the new path; euare- form with long options sends only the new name", async () => {
    wire.stub("UpdateServerCertificate");
    expect(await wire.run("iam-servercertmod", ["-s", "www", "-p", "/cloudfront/"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await wire.run("euare-servercertmod", ["www", "--new-server-certificate-name", "www2"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(wire.requests.map((r) => r.params)).toEqual([
      { Action: "UpdateServerCertificate", Version: "2010-05-08", ServerCertificateName: "www", NewPath: "/cloudfront/" },
      { Action: "UpdateServerCertificate", Version: "2010-05-08", ServerCertificateName: "www", NewServerCertificateName: "www2" },
    ]);
  });

  it("says so when the endpoint does not implement the action (as the test server does not)", async () => {
    await seedCert("www");
    expect(await cli("iam-servercertmod", "-s", "www", "-n", "www2")).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-servercertmod: error (HTTP 500): this endpoint does not implement UpdateServerCertificate\n",
    });
    expect(await certNames()).toEqual(["www"]);
  });

  it("refuses nothing to change, or an invalid new name or path, sending nothing", async () => {
    wire.stub("UpdateServerCertificate");
    const refused = async (argv: string[], message: string) =>
      expect(await wire.run("iam-servercertmod", argv)).toEqual({ code: 2, stdout: "", stderr: `iam-servercertmod: ${message}\n` });
    await refused(["-s", "www"], "nothing to change: give a new name (-n), a new path (-p) or both");
    await refused(["-s", "www", "-n", "www 2"], 'invalid server certificate name "www 2": use only letters, digits and + = , . @ _ -');
    await refused(["-s", "www", "-p", "cloudfront/"], 'invalid path "cloudfront/": must begin and end with /');
    expect(wire.requests).toEqual([]);
  });
});
