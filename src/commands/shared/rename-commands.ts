import { defineCommand } from "../../core/define.js";
import type { IamClient } from "../../core/operations.js";
import { entityOf, type EntityCommand } from "./entity-command.js";
import { newName, newNameOrPath, newPath } from "./options.js";

/**
 * Renaming or moving a user, a group or a server certificate is one request: only the action,
 * the request fields and the new name's option differ.
 */

type RenamedKind = "user" | "group" | "server certificate";

/** The noun in the action and field names (UpdateUser, NewUserName). */
type Nouns = { user: "User"; group: "Group"; "server certificate": "ServerCertificate" };

interface RenameApi<Noun extends string> {
  noun: Noun;
  /** -n, spelt as the legacy command spelt it. */
  newName: ReturnType<typeof newName>;
  update(iam: IamClient<`Update${Noun}`>, name: string, newName: string | undefined, NewPath: string | undefined): Promise<unknown>;
}

const API: { [Kind in RenamedKind]: RenameApi<Nouns[Kind]> } = {
  user: {
    noun: "User",
    newName: newName("user", "new-user-name"),
    update: (iam, UserName, NewUserName, NewPath) => iam.updateUser({ UserName, NewUserName, NewPath }),
  },
  group: {
    noun: "Group",
    newName: newName("group", "new-group-name"),
    update: (iam, GroupName, NewGroupName, NewPath) => iam.updateGroup({ GroupName, NewGroupName, NewPath }),
  },
  "server certificate": {
    noun: "ServerCertificate",
    newName: { ...newName("server certificate", "new-server-certificate-name"), metavar: "NEWCERTNAME" },
    update: (iam, ServerCertificateName, NewServerCertificateName, NewPath) =>
      iam.updateServerCertificate({ ServerCertificateName, NewServerCertificateName, NewPath }),
  },
};

export function renameCommand({ name, kind, entity, example }: EntityCommand<RenamedKind>) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: `Rename a ${kind}, move it to another path, or both.`,
    operations: [`Update${api.noun}` as const],
    euare: true,
    positional: entity.key,
    options: [entity, api.newName, newPath(kind)],
    check: newNameOrPath,
    example,
    async run({ iam }, opts) {
      await api.update(iam, entityOf(entity, opts), opts.newName, opts.newPath);
      return {};
    },
  });
}
