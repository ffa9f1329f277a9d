# Onboarding: a team group with a managed policy, then each user named on the command line gets an
# account in it, an access key whose id is kept in a file, and a console password.
set -e
team=$1; shift
policy_arn=$(iam-policycreate -p "$team-read" -f read-only.json -v | head -1)
iam-groupcreate -g "$team"
iam-groupattachpolicy -g "$team" -a "$policy_arn"
for user in "$@"; do
  iam-usercreate -u "$user" -g "$team"
  iam-useraddkey -u "$user" | head -1 > "$user.key-id"
  iam-useraddloginprofile -u "$user" -p 'Initial-Passw0rd!'
done
iam-grouplistusers -g "$team"
iam-userlistkeys -u "$1" | grep -c '^AKIA'
iam-userlistgroups -u "$1"
iam-userlistbypath
