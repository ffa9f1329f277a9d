#!/usr/bin/env node
// The benchmark's baseline for recursive deletes: the legacy tools' strategy, one request at a time.
// It lists a user's (or group's) dependents, then deletes them, then the entity, in the order
// euca2ools' deleteuser.py / deletegroup.py used, each request waiting for the one before. The
// dependents euca2ools did not know (attached policies, SSH keys, MFA devices, service
// credentials, the boundary look-up) come after its own, so both contenders send the same requests.
//
//   node bench/legacy-serial.mjs userdel USER | groupdel GROUP     (endpoint: AWS_IAM_URL)
import { createRequire } from "node:module";
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY } from "./support.mjs";

// require(), not import(): the CommonJS SDK loads faster that way, which favours the baseline.
const { IAM } = createRequire(import.meta.url)("@aws-sdk/client-iam");
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const iam = new IAM({
  endpoint: process.env.AWS_IAM_URL,
  region: "us-east-1",
  credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
});

/** Every item over every page, one page request at a time. */
async function all(fetchPage, pick) {
  const items = [];
  let Marker;
  do {
    const page = await fetchPage(Marker);
    items.push(...(pick(page) ?? []));
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  return items;
}

async function orNothing(promise) {
  try {
    return await promise;
  } catch {
    return undefined;
  }
}

async function deleteUser(UserName) {
  const keys = await all((Marker) => iam.listAccessKeys({ UserName, Marker }), (p) => p.AccessKeyMetadata);
  const policies = await all((Marker) => iam.listUserPolicies({ UserName, Marker }), (p) => p.PolicyNames);
  const certs = await all((Marker) => iam.listSigningCertificates({ UserName, Marker }), (p) => p.Certificates);
  const groups = await all((Marker) => iam.listGroupsForUser({ UserName, Marker }), (p) => p.Groups);
  const loginProfile = await orNothing(iam.getLoginProfile({ UserName }));
  await iam.getUser({ UserName });
  const attached = await all((Marker) => iam.listAttachedUserPolicies({ UserName, Marker }), (p) => p.AttachedPolicies);
  const sshKeys = await all((Marker) => iam.listSSHPublicKeys({ UserName, Marker }), (p) => p.SSHPublicKeys);
  const credentials = (await orNothing(iam.listServiceSpecificCredentials({ UserName })))?.ServiceSpecificCredentials ?? [];
  const mfa = await all((Marker) => iam.listMFADevices({ UserName, Marker }), (p) => p.MFADevices);

  for (const k of keys) await iam.deleteAccessKey({ UserName, AccessKeyId: k.AccessKeyId });
  for (const PolicyName of policies) await iam.deleteUserPolicy({ UserName, PolicyName });
  for (const c of certs) await iam.deleteSigningCertificate({ UserName, CertificateId: c.CertificateId });
  for (const g of groups) await iam.removeUserFromGroup({ UserName, GroupName: g.GroupName });
  if (loginProfile) await iam.deleteLoginProfile({ UserName });
  for (const p of attached) await iam.detachUserPolicy({ UserName, PolicyArn: p.PolicyArn });
  for (const k of sshKeys) await iam.deleteSSHPublicKey({ UserName, SSHPublicKeyId: k.SSHPublicKeyId });
  for (const c of credentials) {
    await iam.deleteServiceSpecificCredential({ UserName, ServiceSpecificCredentialId: c.ServiceSpecificCredentialId });
  }
  for (const d of mfa) {
    await iam.deactivateMFADevice({ UserName, SerialNumber: d.SerialNumber });
    if (d.SerialNumber.startsWith("arn:")) await iam.deleteVirtualMFADevice({ SerialNumber: d.SerialNumber });
  }
  await iam.deleteUser({ UserName });
}

async function deleteGroup(GroupName) {
  const users = await all((Marker) => iam.getGroup({ GroupName, Marker }), (p) => p.Users);
  const policies = await all((Marker) => iam.listGroupPolicies({ GroupName, Marker }), (p) => p.PolicyNames);
  const attached = await all((Marker) => iam.listAttachedGroupPolicies({ GroupName, Marker }), (p) => p.AttachedPolicies);
  for (const u of users) await iam.removeUserFromGroup({ GroupName, UserName: u.UserName });
  for (const PolicyName of policies) await iam.deleteGroupPolicy({ GroupName, PolicyName });
  for (const p of attached) await iam.detachGroupPolicy({ GroupName, PolicyArn: p.PolicyArn });
  await iam.deleteGroup({ GroupName });
}

const [what, name] = process.argv.slice(2);
const run = { userdel: deleteUser, groupdel: deleteGroup }[what];
if (!run || !name) {
  process.stderr.write("usage: legacy-serial.mjs userdel USER | groupdel GROUP\n");
  process.exit(2);
}
await run(name);
