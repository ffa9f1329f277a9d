import { defineCommand } from "../../core/define.js";
import type { IamClient } from "../../core/operations.js";
import { entityOf, type EntityCommand } from "./entity-command.js";
import { permissionsBoundary } from "./options.js";

/**
 * Setting and removing the permissions boundary of a user or a role: the same requests but for the
 * action names and the field that names the entity.
 */

type BoundedKind = "user" | "role";

/** The noun in the action names (PutUserPermissionsBoundary, DeleteRolePermissionsBoundary). */
type Nouns = { user: "User"; role: "Role" };

interface BoundaryApi<Noun extends string> {
  noun: Noun;
  put(iam: IamClient<`Put${Noun}PermissionsBoundary`>, name: string, PermissionsBoundary: string): Promise<unknown>;
  remove(iam: IamClient<`Delete${Noun}PermissionsBoundary`>, name: string): Promise<unknown>;
}

const API: { [Kind in BoundedKind]: BoundaryApi<Nouns[Kind]> } = {
  user: {
    noun: "User",
    put: (iam, UserName, PermissionsBoundary) => iam.putUserPermissionsBoundary({ UserName, PermissionsBoundary }),
    remove: (iam, UserName) => iam.deleteUserPermissionsBoundary({ UserName }),
  },
  role: {
    noun: "Role",
    put: (iam, RoleName, PermissionsBoundary) => iam.putRolePermissionsBoundary({ RoleName, PermissionsBoundary }),
    remove: (iam, RoleName) => iam.deleteRolePermissionsBoundary({ RoleName }),
  },
};

export function setBoundaryCommand({ name, kind, entity, example }: EntityCommand<BoundedKind>) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: `Set or replace the managed policy that caps what a ${kind}'s own policies can allow.`,
    operations: [`Put${api.noun}PermissionsBoundary` as const],
    options: [
      entity,
      {
        ...permissionsBoundary("b"),
        description: `ARN of the managed policy that sets the most permissions the ${kind} can have`,
        required: true,
      },
    ],
    example,
    async run({ iam }, opts) {
      await api.put(iam, entityOf(entity, opts), opts.permissionsBoundary);
      return {};
    },
  });
}

export function delBoundaryCommand({ name, kind, entity, example }: EntityCommand<BoundedKind>) {
  const api = API[kind];
  return defineCommand({
    name,
    summary: `Remove a ${kind}'s permissions boundary; the boundary policy itself is kept.`,
    operations: [`Delete${api.noun}PermissionsBoundary` as const],
    options: [entity],
    example,
    async run({ iam }, opts) {
      await api.remove(iam, entityOf(entity, opts));
      return {};
    },
  });
}
