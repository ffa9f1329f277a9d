# Renames and moves: the steps after them know the user and the group by their new names and paths
# only, with all they hold; the old names are gone.
iam-usermod -u yan -n zed -p /staff/
iam-useraddkey -u zed | head -1 > zed.key-id
iam-groupmod -g ops -n admins
iam-grouplistusers -g admins
iam-userlistgroups -u zed
iam-groupadduser -g dev -u zed
iam-userlistbypath -p /staff/
iam-usergetattributes -u zed
iam-usergetpolicy -u zed -p inline
iam-userlistkeys -u yan || echo "yan is gone"
iam-groupadduser -g ops -u zed || echo "ops is gone"
iam-userdel -u zed || echo "zed holds keys and groups"
iam-userdel -u zed -r
iam-grouplistusers -g admins
iam-groupdel -g admins
