import type { CommandSpec } from "../cli/define.js";
import accountaliascreate from "./account/iam-accountaliascreate.js";
import accountaliasdelete from "./account/iam-accountaliasdelete.js";
import accountaliaslist from "./account/iam-accountaliaslist.js";
import accountdelpasswordpolicy from "./account/iam-accountdelpasswordpolicy.js";
import accountgetpasswordpolicy from "./account/iam-accountgetpasswordpolicy.js";
import accountgetsummary from "./account/iam-accountgetsummary.js";
import accountmodpasswordpolicy from "./account/iam-accountmodpasswordpolicy.js";
import groupaddpolicy from "./group/iam-groupaddpolicy.js";
import groupadduser from "./group/iam-groupadduser.js";
import groupcreate from "./group/iam-groupcreate.js";
import groupdel from "./group/iam-groupdel.js";
import groupdelpolicy from "./group/iam-groupdelpolicy.js";
import groupgetpolicy from "./group/iam-groupgetpolicy.js";
import grouplistbypath from "./group/iam-grouplistbypath.js";
import grouplistpolicies from "./group/iam-grouplistpolicies.js";
import grouplistusers from "./group/iam-grouplistusers.js";
import groupmod from "./group/iam-groupmod.js";
import groupremoveuser from "./group/iam-groupremoveuser.js";
import groupuploadpolicy from "./group/iam-groupuploadpolicy.js";
import useraddcert from "./user/iam-useraddcert.js";
import useraddkey from "./user/iam-useraddkey.js";
import useraddloginprofile from "./user/iam-useraddloginprofile.js";
import useraddpolicy from "./user/iam-useraddpolicy.js";
import usercreate from "./user/iam-usercreate.js";
import userdel from "./user/iam-userdel.js";
import userdelcert from "./user/iam-userdelcert.js";
import userdelkey from "./user/iam-userdelkey.js";
import userdelloginprofile from "./user/iam-userdelloginprofile.js";
import userdelpolicy from "./user/iam-userdelpolicy.js";
import usergetattributes from "./user/iam-usergetattributes.js";
import usergetloginprofile from "./user/iam-usergetloginprofile.js";
import usergetpolicy from "./user/iam-usergetpolicy.js";
import userlistbypath from "./user/iam-userlistbypath.js";
import userlistcerts from "./user/iam-userlistcerts.js";
import userlistgroups from "./user/iam-userlistgroups.js";
import userlistkeys from "./user/iam-userlistkeys.js";
import userlistpolicies from "./user/iam-userlistpolicies.js";
import usermod from "./user/iam-usermod.js";
import usermodcert from "./user/iam-usermodcert.js";
import usermodkey from "./user/iam-usermodkey.js";
import usermodloginprofile from "./user/iam-usermodloginprofile.js";
import useruploadpolicy from "./user/iam-useruploadpolicy.js";

/**
 * The command table, sorted by name: the source for bin shims, package.json#bin, docs and
 * completion. Bins never load it (each loads only its own module); generators and tests do.
 */
export const COMMANDS: readonly CommandSpec<any, any>[] = [
  accountaliascreate,
  accountaliasdelete,
  accountaliaslist,
  accountdelpasswordpolicy,
  accountgetpasswordpolicy,
  accountgetsummary,
  accountmodpasswordpolicy,
  groupaddpolicy,
  groupadduser,
  groupcreate,
  groupdel,
  groupdelpolicy,
  groupgetpolicy,
  grouplistbypath,
  grouplistpolicies,
  grouplistusers,
  groupmod,
  groupremoveuser,
  groupuploadpolicy,
  useraddcert,
  useraddkey,
  useraddloginprofile,
  useraddpolicy,
  usercreate,
  userdel,
  userdelcert,
  userdelkey,
  userdelloginprofile,
  userdelpolicy,
  usergetattributes,
  usergetloginprofile,
  usergetpolicy,
  userlistbypath,
  userlistcerts,
  userlistgroups,
  userlistkeys,
  userlistpolicies,
  usermod,
  usermodcert,
  usermodkey,
  usermodloginprofile,
  useruploadpolicy,
];
