/** Entity folders under src/commands; a command lives in the folder its name starts with. */
const NOUNS = [
  "account",
  "credentialreport",
  "group",
  "instanceprofile",
  "oidcprovider",
  "policy",
  "role",
  "samlprovider",
  "servercert",
  "servicelinkedrole",
  "user",
  "virtualmfadevice",
];

/** `iam-userdel` -> `user/iam-userdel`: the module path below src/commands (dist/commands). */
export function commandModulePath(name: string): string | undefined {
  const match = /^iam-([a-z]+)$/.exec(name);
  const noun = match && NOUNS.find((n) => match[1].startsWith(n));
  return noun ? `${noun}/${name}` : undefined;
}
