// Domain fixtures for tests and benchmarks: plain JavaScript so bench scripts run them with node.
import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

/** A self-signed PEM certificate, as `openssl req -x509` would make, for seeding signing certificates. */
export function selfSignedPem(commonName) {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01" + forge.util.bytesToHex(forge.random.getBytesSync(8));
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const attrs = [{ name: "commonName", value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** An OpenSSH `ssh-rsa ...` public key line. */
export function sshPublicKey() {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forgeKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  return forge.ssh.publicKeyToOpenSSH(forgeKey, "test");
}

export const ALLOW_ALL = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
});

export const policyAllowing = (action) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

/**
 * Seeds a user with every kind of dependent IAM knows: 2 access keys, 2 signing certificates,
 * 3 inline and 3 attached policies, 3 groups, a login profile, a virtual MFA device and an SSH key.
 * `iam` is an IAM client of @aws-sdk/client-iam.
 */
export async function seedLoadedUser(iam, userName) {
  const UserName = userName;
  await iam.createUser({ UserName });
  const keys = [];
  for (let i = 0; i < 2; i++) keys.push((await iam.createAccessKey({ UserName })).AccessKey.AccessKeyId);
  const certs = [];
  for (const cn of ["one", "two"]) {
    certs.push((await iam.uploadSigningCertificate({ UserName, CertificateBody: selfSignedPem(cn) })).Certificate.CertificateId);
  }
  const policies = ["p1", "p2", "p3"];
  for (const PolicyName of policies) await iam.putUserPolicy({ UserName, PolicyName, PolicyDocument: policyAllowing("s3:*") });
  const attached = [];
  for (const PolicyName of ["m1", "m2", "m3"]) {
    const existing = (await iam.listPolicies({ Scope: "Local" })).Policies.find((p) => p.PolicyName === PolicyName);
    const arn = existing?.Arn ?? (await iam.createPolicy({ PolicyName, PolicyDocument: policyAllowing("ec2:*") })).Policy.Arn;
    await iam.attachUserPolicy({ UserName, PolicyArn: arn });
    attached.push(arn);
  }
  const groups = ["g1", "g2", "g3"];
  for (const GroupName of groups) {
    await iam.createGroup({ GroupName }).catch((err) => {
      if (err.name !== "EntityAlreadyExistsException") throw err;
    });
    await iam.addUserToGroup({ GroupName, UserName });
  }
  await iam.createLoginProfile({ UserName, Password: "Initial-Passw0rd" });
  const serial = (await iam.createVirtualMFADevice({ VirtualMFADeviceName: `${userName}-mfa` })).VirtualMFADevice.SerialNumber;
  await iam.enableMFADevice({ UserName, SerialNumber: serial, AuthenticationCode1: "123456", AuthenticationCode2: "654321" });
  const sshKey = (await iam.uploadSSHPublicKey({ UserName, SSHPublicKeyBody: sshPublicKey() })).SSHPublicKey.SSHPublicKeyId;
  return { keys, certs, policies, attached, groups, serial, sshKey };
}
