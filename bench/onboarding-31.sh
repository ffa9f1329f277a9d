# A 31-step onboarding: a team group with a managed policy, then seven users, each with a key whose
# id is kept in a file, a console password and a tag. Usage: onboarding-31.sh TEAM
set -e
team=$1
policy_arn=$(iam-policycreate -p "$team-read" -f "$(dirname "$0")/../test/runbooks/read-only.json" -v | head -1)
iam-groupcreate -g "$team"
iam-groupattachpolicy -g "$team" -a "$policy_arn"
for n in 1 2 3 4 5 6 7; do
  user="$team-user-$n"
  iam-usercreate -u "$user" -g "$team"
  iam-useraddkey -u "$user" | head -1 > "$HOME/$user.key-id"
  iam-useraddloginprofile -u "$user" -p 'Initial-Passw0rd!'
  iam-usertag -u "$user" -t "team=$team"
done
