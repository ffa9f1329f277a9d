import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import type { IAM } from "@aws-sdk/client-iam";

/** A self-signed PEM certificate, as `openssl req -x509` would make, for seeding signing certificates. */
export function selfSignedPem(commonName: string): string {
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
export function sshPublicKey(): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forgeKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  return forge.ssh.publicKeyToOpenSSH(forgeKey, "test");
}

export const ALLOW_ALL = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
});

export const policyAllowing = (action: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

/**
 * Seeds a user with every kind of dependent IAM knows: 2 access keys, 2 signing certificates,
 * 3 inline and 3 attached policies, 3 groups, a login profile, a virtual MFA device and an SSH key.
 */
export async function seedLoadedUser(iam: IAM, userName: string) {
  const UserName = userName;
  await iam.createUser({ UserName });
  const keys = [await iam.createAccessKey({ UserName }), await iam.createAccessKey({ UserName })].map(
    (k) => k.AccessKey!.AccessKeyId!,
  );
  const certs: string[] = [];
  for (const cn of ["one", "two"]) {
    certs.push((await iam.uploadSigningCertificate({ UserName, CertificateBody: selfSignedPem(cn) })).Certificate!.CertificateId!);
  }
  const policies = ["p1", "p2", "p3"];
  for (const PolicyName of policies) await iam.putUserPolicy({ UserName, PolicyName, PolicyDocument: policyAllowing("s3:*") });
  const attached: string[] = [];
  for (const PolicyName of ["m1", "m2", "m3"]) {
    const arn = (await iam.createPolicy({ PolicyName, PolicyDocument: policyAllowing("ec2:*") })).Policy!.Arn!;
    await iam.attachUserPolicy({ UserName, PolicyArn: arn });
    attached.push(arn);
  }
  const groups = ["g1", "g2", "g3"];
  for (const GroupName of groups) {
    await iam.createGroup({ GroupName });
    await iam.addUserToGroup({ GroupName, UserName });
  }
  await iam.createLoginProfile({ UserName, Password: "Initial-Passw0rd" });
  const serial = (await iam.createVirtualMFADevice({ VirtualMFADeviceName: `${userName}-mfa` })).VirtualMFADevice!.SerialNumber!;
  await iam.enableMFADevice({ UserName, SerialNumber: serial, AuthenticationCode1: "123456", AuthenticationCode2: "654321" });
  const sshKey = (await iam.uploadSSHPublicKey({ UserName, SSHPublicKeyBody: sshPublicKey() })).SSHPublicKey!.SSHPublicKeyId!;
  return { keys, certs, policies, attached, groups, serial, sshKey };
}
