# Clean-up with refusals that only earlier steps cause: each failing step is reported and the
# runbook goes on.
iam-groupcreate -g temp
iam-groupadduser -g temp -u yan
iam-groupdel -g temp || echo "temp kept"
iam-useraddkey -u yan > /dev/null
iam-useraddkey -u yan | head -1 || echo "no third key"
iam-usercreate -u contractor
iam-userdel -u contractor
iam-groupadduser -g ops -u contractor || echo "contractor gone"
iam-groupremoveuser -g ops -u alcie || echo "misspelt"
iam-groupremoveuser -g temp -u yan
iam-groupdel -g temp
iam-userlistgroups -u yan
iam-userlistbypath
