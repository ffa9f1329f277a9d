import type { CommandSpec } from "../cli/define.js";
import groupcreate from "./group/iam-groupcreate.js";
import groupuploadpolicy from "./group/iam-groupuploadpolicy.js";
import usercreate from "./user/iam-usercreate.js";
import usergetattributes from "./user/iam-usergetattributes.js";
import userlistbypath from "./user/iam-userlistbypath.js";

/**
 * The command table, sorted by name: the source for bin shims, package.json#bin, docs and
 * completion. Bins never load it (each loads only its own module); generators and tests do.
 */
export const COMMANDS: readonly CommandSpec<any, any>[] = [
  groupcreate,
  groupuploadpolicy,
  usercreate,
  usergetattributes,
  userlistbypath,
];
