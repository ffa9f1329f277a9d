// A certificate authority made up for one test run, and server certificates it signs: for
// endpoints served over HTTPS on loopback with a CA no system trusts. Keys come from Node's
// crypto (fast, native); node-forge builds and signs the certificates.
import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString()),
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
  };
}

function certificate(subjectName, keys, issuer, extensions) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01" + forge.util.bytesToHex(forge.random.getBytesSync(8));
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  cert.setSubject([{ name: "commonName", value: subjectName }]);
  cert.setIssuer([{ name: "commonName", value: issuer.name }]);
  cert.setExtensions(extensions);
  cert.sign(issuer.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/**
 * A new CA. `issue(names)` makes a server certificate for those host names (and 127.0.0.1), signed by it.
 * @returns {{ caPem: string, issue: (names?: string[]) => { certPem: string, keyPem: string } }}
 */
export function createTestCa(name = "iamkit test CA") {
  const caKeys = keyPair();
  const issuer = { name, privateKey: caKeys.privateKey };
  const caPem = certificate(name, caKeys, issuer, [
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
  ]);
  return {
    caPem,
    issue(names = ["localhost"]) {
      const keys = keyPair();
      const certPem = certificate(names[0], keys, issuer, [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames: [...names.map((value) => ({ type: 2, value })), { type: 7, ip: "127.0.0.1" }] },
      ]);
      return { certPem, keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
    },
  };
}
