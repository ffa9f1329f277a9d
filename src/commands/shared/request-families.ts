import type { Context } from "../../core/context.js";
import { defineCommand, type OptionSpec, type OptionsOf } from "../../core/define.js";
import { send, type IamChange, type IamInput } from "../../core/operations.js";
import { deviceCodesRequest } from "../../iam/mfa.js";
import { loginProfileRequest } from "../../iam/password.js";
import { versionId } from "../../iam/managed-policies.js";
import {
  accountAlias,
  authenticationCodes,
  groupName,
  instanceProfileName,
  loginPassword,
  onePasswordSource,
  policyArn,
  roleName,
  serialNumber,
  userName,
} from "./options.js";

/**
 * Commands that take the same options and send the same request, each to its own action (adding a
 * user to a group and taking one out), and print nothing. The family declares the options and
 * the request once; each command module gives its name, words, action and example.
 */

interface Family<L extends readonly OptionSpec[], Input> {
  options: L;
  euare?: boolean;
  positional?: keyof OptionsOf<L> & string;
  check?: (opts: OptionsOf<L>) => string | undefined;
  /** The request every command of the family sends, from its options (and files or prompts they name). */
  request: (ctx: Context, opts: OptionsOf<L>) => Input | Promise<Input>;
}

/** What each command module declares: its words and the action it sends the family's request to. */
interface FamilyMember<Op, Key extends string> {
  name: `iam-${string}`;
  summary: string;
  operation: Op;
  /** Descriptions of the family's options in this command's words, by option key. */
  describe?: { [K in Key]?: string };
  example: string;
}

/** The actions that change something and take a request of this shape: its fields, all of them theirs. */
type ActionsTaking<Input> = {
  [Op in IamChange]: Input extends IamInput<Op> ? ([Exclude<keyof Input, keyof IamInput<Op>>] extends [never] ? Op : never) : never;
}[IamChange];

function requestFamily<const L extends readonly OptionSpec[], Input>({ request, options, ...shared }: Family<L, Input>) {
  return <const Op extends ActionsTaking<Input>>({ operation, describe = {}, ...words }: FamilyMember<Op, L[number]["key"]>) =>
    defineCommand({
      ...words,
      ...shared,
      // Only descriptions change, so each option keeps its key, value type and `required`.
      options: options.map((spec) => ({ ...spec, description: describe[spec.key as L[number]["key"]] ?? spec.description })) as unknown as L,
      operations: [operation],
      async run(ctx, opts) {
        // Op takes Input (ActionsTaking), which TypeScript cannot see through the generic.
        await send(ctx.iam, operation, (await request(ctx, opts)) as IamInput<Op>);
        return {};
      },
    });
}

/** iam-accountaliascreate, iam-accountaliasdelete. */
export const accountAliasCommand = requestFamily({
  options: [accountAlias()],
  euare: true,
  positional: "alias",
  request: (_ctx, { alias }) => ({ AccountAlias: alias }),
});

/** iam-groupadduser, iam-groupremoveuser. */
export const groupMembershipCommand = requestFamily({
  options: [groupName(), userName()],
  euare: true,
  positional: "groupName",
  request: (_ctx, { groupName, userName }) => ({ GroupName: groupName, UserName: userName }),
});

/** iam-instanceprofileaddrole, iam-instanceprofileremoverole. */
export const instanceProfileRoleCommand = requestFamily({
  options: [instanceProfileName(), roleName()],
  euare: true,
  positional: "instanceProfileName",
  request: (_ctx, { instanceProfileName, roleName }) => ({ InstanceProfileName: instanceProfileName, RoleName: roleName }),
});

/** iam-policydelversion, iam-policysetdefaultversion. */
export const policyVersionCommand = requestFamily({
  options: [policyArn(), versionId()],
  request: (_ctx, { policyArn, versionId }) => ({ PolicyArn: policyArn, VersionId: versionId }),
});

/** iam-useraddloginprofile, iam-usermodloginprofile: the password from a file, standard input or a prompt. */
export const loginProfileCommand = requestFamily({
  options: [userName(), ...loginPassword()],
  euare: true,
  positional: "userName",
  check: onePasswordSource,
  request: loginProfileRequest,
});

/** iam-userenablemfadevice, iam-userresyncmfadevice: two consecutive codes from the device. */
export const deviceCodesCommand = requestFamily({
  options: [userName(), serialNumber(), ...authenticationCodes()],
  euare: true,
  positional: "userName",
  request: (_ctx, opts) => deviceCodesRequest(opts),
});
