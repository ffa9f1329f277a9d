import type { CommandSpec } from "../core/define.js";
import accountaccessadvisor from "./account/iam-accountaccessadvisor.js";
import accountaliascreate from "./account/iam-accountaliascreate.js";
import accountaliasdelete from "./account/iam-accountaliasdelete.js";
import accountaliaslist from "./account/iam-accountaliaslist.js";
import accountauditkeys from "./account/iam-accountauditkeys.js";
import accountdelpasswordpolicy from "./account/iam-accountdelpasswordpolicy.js";
import accountgetauthorizationdetails from "./account/iam-accountgetauthorizationdetails.js";
import accountgetpasswordpolicy from "./account/iam-accountgetpasswordpolicy.js";
import accountgetsummary from "./account/iam-accountgetsummary.js";
import accountmodpasswordpolicy from "./account/iam-accountmodpasswordpolicy.js";
import accountmodstspreferences from "./account/iam-accountmodstspreferences.js";
import credentialreport from "./credentialreport/iam-credentialreport.js";
import groupaddpolicy from "./group/iam-groupaddpolicy.js";
import groupadduser from "./group/iam-groupadduser.js";
import groupattachpolicy from "./group/iam-groupattachpolicy.js";
import groupcreate from "./group/iam-groupcreate.js";
import groupdel from "./group/iam-groupdel.js";
import groupdelpolicy from "./group/iam-groupdelpolicy.js";
import groupdetachpolicy from "./group/iam-groupdetachpolicy.js";
import groupgetpolicy from "./group/iam-groupgetpolicy.js";
import grouplistattachedpolicies from "./group/iam-grouplistattachedpolicies.js";
import grouplistbypath from "./group/iam-grouplistbypath.js";
import grouplistpolicies from "./group/iam-grouplistpolicies.js";
import grouplistusers from "./group/iam-grouplistusers.js";
import groupmod from "./group/iam-groupmod.js";
import groupremoveuser from "./group/iam-groupremoveuser.js";
import groupuploadpolicy from "./group/iam-groupuploadpolicy.js";
import instanceprofileaddrole from "./instanceprofile/iam-instanceprofileaddrole.js";
import instanceprofilecreate from "./instanceprofile/iam-instanceprofilecreate.js";
import instanceprofiledel from "./instanceprofile/iam-instanceprofiledel.js";
import instanceprofilegetattributes from "./instanceprofile/iam-instanceprofilegetattributes.js";
import instanceprofilelistbypath from "./instanceprofile/iam-instanceprofilelistbypath.js";
import instanceprofilelistforrole from "./instanceprofile/iam-instanceprofilelistforrole.js";
import instanceprofilelisttags from "./instanceprofile/iam-instanceprofilelisttags.js";
import instanceprofileremoverole from "./instanceprofile/iam-instanceprofileremoverole.js";
import instanceprofiletag from "./instanceprofile/iam-instanceprofiletag.js";
import instanceprofileuntag from "./instanceprofile/iam-instanceprofileuntag.js";
import oidcprovidercreate from "./oidcprovider/iam-oidcprovidercreate.js";
import oidcproviderdel from "./oidcprovider/iam-oidcproviderdel.js";
import oidcprovidergetattributes from "./oidcprovider/iam-oidcprovidergetattributes.js";
import oidcproviderlist from "./oidcprovider/iam-oidcproviderlist.js";
import oidcproviderlisttags from "./oidcprovider/iam-oidcproviderlisttags.js";
import oidcprovidermod from "./oidcprovider/iam-oidcprovidermod.js";
import oidcprovidertag from "./oidcprovider/iam-oidcprovidertag.js";
import oidcprovideruntag from "./oidcprovider/iam-oidcprovideruntag.js";
import policycreate from "./policy/iam-policycreate.js";
import policycreateversion from "./policy/iam-policycreateversion.js";
import policydel from "./policy/iam-policydel.js";
import policydelversion from "./policy/iam-policydelversion.js";
import policygetattributes from "./policy/iam-policygetattributes.js";
import policygetversion from "./policy/iam-policygetversion.js";
import policylint from "./policy/iam-policylint.js";
import policylistbypath from "./policy/iam-policylistbypath.js";
import policylistcontextkeys from "./policy/iam-policylistcontextkeys.js";
import policylistentities from "./policy/iam-policylistentities.js";
import policylisttags from "./policy/iam-policylisttags.js";
import policylistversions from "./policy/iam-policylistversions.js";
import policysetdefaultversion from "./policy/iam-policysetdefaultversion.js";
import policysimulate from "./policy/iam-policysimulate.js";
import policytag from "./policy/iam-policytag.js";
import policyuntag from "./policy/iam-policyuntag.js";
import roleaddpolicy from "./role/iam-roleaddpolicy.js";
import roleattachpolicy from "./role/iam-roleattachpolicy.js";
import rolecreate from "./role/iam-rolecreate.js";
import roledel from "./role/iam-roledel.js";
import roledelpermissionsboundary from "./role/iam-roledelpermissionsboundary.js";
import roledelpolicy from "./role/iam-roledelpolicy.js";
import roledetachpolicy from "./role/iam-roledetachpolicy.js";
import rolegetattributes from "./role/iam-rolegetattributes.js";
import rolegetpolicy from "./role/iam-rolegetpolicy.js";
import rolelistattachedpolicies from "./role/iam-rolelistattachedpolicies.js";
import rolelistbypath from "./role/iam-rolelistbypath.js";
import rolelistpolicies from "./role/iam-rolelistpolicies.js";
import rolelisttags from "./role/iam-rolelisttags.js";
import rolemod from "./role/iam-rolemod.js";
import rolesetpermissionsboundary from "./role/iam-rolesetpermissionsboundary.js";
import roletag from "./role/iam-roletag.js";
import roleuntag from "./role/iam-roleuntag.js";
import roleupdateassumepolicy from "./role/iam-roleupdateassumepolicy.js";
import roleuploadpolicy from "./role/iam-roleuploadpolicy.js";
import samlprovidercreate from "./samlprovider/iam-samlprovidercreate.js";
import samlproviderdel from "./samlprovider/iam-samlproviderdel.js";
import samlprovidergetattributes from "./samlprovider/iam-samlprovidergetattributes.js";
import samlproviderlist from "./samlprovider/iam-samlproviderlist.js";
import samlproviderlisttags from "./samlprovider/iam-samlproviderlisttags.js";
import samlprovidermod from "./samlprovider/iam-samlprovidermod.js";
import samlprovidertag from "./samlprovider/iam-samlprovidertag.js";
import samlprovideruntag from "./samlprovider/iam-samlprovideruntag.js";
import servercertdel from "./servercert/iam-servercertdel.js";
import servercertgetattributes from "./servercert/iam-servercertgetattributes.js";
import servercertlistbypath from "./servercert/iam-servercertlistbypath.js";
import servercertlisttags from "./servercert/iam-servercertlisttags.js";
import servercertmod from "./servercert/iam-servercertmod.js";
import servercerttag from "./servercert/iam-servercerttag.js";
import servercertuntag from "./servercert/iam-servercertuntag.js";
import servercertupload from "./servercert/iam-servercertupload.js";
import servicelinkedrolecreate from "./servicelinkedrole/iam-servicelinkedrolecreate.js";
import servicelinkedroledel from "./servicelinkedrole/iam-servicelinkedroledel.js";
import useraddcert from "./user/iam-useraddcert.js";
import useraddkey from "./user/iam-useraddkey.js";
import useraddloginprofile from "./user/iam-useraddloginprofile.js";
import useraddpolicy from "./user/iam-useraddpolicy.js";
import useraddsshkey from "./user/iam-useraddsshkey.js";
import userattachpolicy from "./user/iam-userattachpolicy.js";
import userchangepassword from "./user/iam-userchangepassword.js";
import usercreate from "./user/iam-usercreate.js";
import userdeactivatemfadevice from "./user/iam-userdeactivatemfadevice.js";
import userdel from "./user/iam-userdel.js";
import userdelcert from "./user/iam-userdelcert.js";
import userdelkey from "./user/iam-userdelkey.js";
import userdelloginprofile from "./user/iam-userdelloginprofile.js";
import userdelpermissionsboundary from "./user/iam-userdelpermissionsboundary.js";
import userdelpolicy from "./user/iam-userdelpolicy.js";
import userdelsshkey from "./user/iam-userdelsshkey.js";
import userdetachpolicy from "./user/iam-userdetachpolicy.js";
import userenablemfadevice from "./user/iam-userenablemfadevice.js";
import usergetattributes from "./user/iam-usergetattributes.js";
import usergetloginprofile from "./user/iam-usergetloginprofile.js";
import usergetmfadevice from "./user/iam-usergetmfadevice.js";
import usergetpolicy from "./user/iam-usergetpolicy.js";
import usergetsshkey from "./user/iam-usergetsshkey.js";
import userlistattachedpolicies from "./user/iam-userlistattachedpolicies.js";
import userlistbypath from "./user/iam-userlistbypath.js";
import userlistcerts from "./user/iam-userlistcerts.js";
import userlistgroups from "./user/iam-userlistgroups.js";
import userlistkeys from "./user/iam-userlistkeys.js";
import userlistmfadevices from "./user/iam-userlistmfadevices.js";
import userlistpolicies from "./user/iam-userlistpolicies.js";
import userlistsshkeys from "./user/iam-userlistsshkeys.js";
import userlisttags from "./user/iam-userlisttags.js";
import usermod from "./user/iam-usermod.js";
import usermodcert from "./user/iam-usermodcert.js";
import usermodkey from "./user/iam-usermodkey.js";
import usermodloginprofile from "./user/iam-usermodloginprofile.js";
import usermodservicecredential from "./user/iam-usermodservicecredential.js";
import usermodsshkey from "./user/iam-usermodsshkey.js";
import userresetservicecredential from "./user/iam-userresetservicecredential.js";
import userresyncmfadevice from "./user/iam-userresyncmfadevice.js";
import userrotatekey from "./user/iam-userrotatekey.js";
import usersetpermissionsboundary from "./user/iam-usersetpermissionsboundary.js";
import usertag from "./user/iam-usertag.js";
import useruntag from "./user/iam-useruntag.js";
import useruploadpolicy from "./user/iam-useruploadpolicy.js";
import virtualmfadevicecreate from "./virtualmfadevice/iam-virtualmfadevicecreate.js";
import virtualmfadevicedel from "./virtualmfadevice/iam-virtualmfadevicedel.js";
import virtualmfadevicelist from "./virtualmfadevice/iam-virtualmfadevicelist.js";
import virtualmfadevicelisttags from "./virtualmfadevice/iam-virtualmfadevicelisttags.js";
import virtualmfadevicetag from "./virtualmfadevice/iam-virtualmfadevicetag.js";
import virtualmfadeviceuntag from "./virtualmfadevice/iam-virtualmfadeviceuntag.js";

/**
 * The command table, sorted by name: the source for bin shims, package.json#bin, docs and
 * completion. Bins never load it (each loads only its own module); generators and tests do.
 */
export const COMMANDS: readonly CommandSpec<any, any>[] = [
  accountaccessadvisor,
  accountaliascreate,
  accountaliasdelete,
  accountaliaslist,
  accountauditkeys,
  accountdelpasswordpolicy,
  accountgetauthorizationdetails,
  accountgetpasswordpolicy,
  accountgetsummary,
  accountmodpasswordpolicy,
  accountmodstspreferences,
  credentialreport,
  groupaddpolicy,
  groupadduser,
  groupattachpolicy,
  groupcreate,
  groupdel,
  groupdelpolicy,
  groupdetachpolicy,
  groupgetpolicy,
  grouplistattachedpolicies,
  grouplistbypath,
  grouplistpolicies,
  grouplistusers,
  groupmod,
  groupremoveuser,
  groupuploadpolicy,
  instanceprofileaddrole,
  instanceprofilecreate,
  instanceprofiledel,
  instanceprofilegetattributes,
  instanceprofilelistbypath,
  instanceprofilelistforrole,
  instanceprofilelisttags,
  instanceprofileremoverole,
  instanceprofiletag,
  instanceprofileuntag,
  oidcprovidercreate,
  oidcproviderdel,
  oidcprovidergetattributes,
  oidcproviderlist,
  oidcproviderlisttags,
  oidcprovidermod,
  oidcprovidertag,
  oidcprovideruntag,
  policycreate,
  policycreateversion,
  policydel,
  policydelversion,
  policygetattributes,
  policygetversion,
  policylint,
  policylistbypath,
  policylistcontextkeys,
  policylistentities,
  policylisttags,
  policylistversions,
  policysetdefaultversion,
  policysimulate,
  policytag,
  policyuntag,
  roleaddpolicy,
  roleattachpolicy,
  rolecreate,
  roledel,
  roledelpermissionsboundary,
  roledelpolicy,
  roledetachpolicy,
  rolegetattributes,
  rolegetpolicy,
  rolelistattachedpolicies,
  rolelistbypath,
  rolelistpolicies,
  rolelisttags,
  rolemod,
  rolesetpermissionsboundary,
  roletag,
  roleuntag,
  roleupdateassumepolicy,
  roleuploadpolicy,
  samlprovidercreate,
  samlproviderdel,
  samlprovidergetattributes,
  samlproviderlist,
  samlproviderlisttags,
  samlprovidermod,
  samlprovidertag,
  samlprovideruntag,
  servercertdel,
  servercertgetattributes,
  servercertlistbypath,
  servercertlisttags,
  servercertmod,
  servercerttag,
  servercertuntag,
  servercertupload,
  servicelinkedrolecreate,
  servicelinkedroledel,
  useraddcert,
  useraddkey,
  useraddloginprofile,
  useraddpolicy,
  useraddsshkey,
  userattachpolicy,
  userchangepassword,
  usercreate,
  userdeactivatemfadevice,
  userdel,
  userdelcert,
  userdelkey,
  userdelloginprofile,
  userdelpermissionsboundary,
  userdelpolicy,
  userdelsshkey,
  userdetachpolicy,
  userenablemfadevice,
  usergetattributes,
  usergetloginprofile,
  usergetmfadevice,
  usergetpolicy,
  usergetsshkey,
  userlistattachedpolicies,
  userlistbypath,
  userlistcerts,
  userlistgroups,
  userlistkeys,
  userlistmfadevices,
  userlistpolicies,
  userlistsshkeys,
  userlisttags,
  usermod,
  usermodcert,
  usermodkey,
  usermodloginprofile,
  usermodservicecredential,
  usermodsshkey,
  userresetservicecredential,
  userresyncmfadevice,
  userrotatekey,
  usersetpermissionsboundary,
  usertag,
  useruntag,
  useruploadpolicy,
  virtualmfadevicecreate,
  virtualmfadevicedel,
  virtualmfadevicelist,
  virtualmfadevicelisttags,
  virtualmfadevicetag,
  virtualmfadeviceuntag,
];
