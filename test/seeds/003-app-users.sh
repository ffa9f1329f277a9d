#!/usr/bin/env bash
# Seed 003 (IAM's 2011 launch post): /family/ and /app users and -e/-a/-r policies, its command
# lines as the post prints them. Its blog set the quotes typographically, so those lines are
# refused before anything is sent, naming the plain value; each is then retyped as the refusal
# says (and the S3 ARN "arn:aws:s3::*", one colon short, as its refusal says). `|| echo` records
# each refusal's exit code on stderr and goes on.
set -euo pipefail
cd "$HOME"
iam-userlistbypath
iam-usercreate -u jeff -p /family/ -k | wc -l
iam-userlistbypath
iam-groupcreate -g admins
iam-groupaddpolicy -g admins -p manageusers -e Allow -a “iam:*” -r “arn:aws:iam::889279108296:user/app/*” || echo "exit $?" >&2
iam-groupaddpolicy -g admins -p manageusers -e Allow -a 'iam:*' -r 'arn:aws:iam::889279108296:user/app/*'
iam-groupadduser -g admins -u jeff
iam-usercreate -u backup -p /app -k | wc -l
iam-usercreate -u syndic8 -p /app -k | wc -l
iam-userlistbypath -p /app/
iam-useraddpolicy -u backup -p dobackup -e Allow -a “s3:*” -r “arn:aws:s3::*” || echo "exit $?" >&2
iam-useraddpolicy -u backup -p dobackup -e Allow -a 's3:*' -r 'arn:aws:s3::*' || echo "exit $?" >&2
iam-useraddpolicy -u backup -p dobackup -e Allow -a 's3:*' -r 'arn:aws:s3:::*'
iam-userlistpolicies -u backup -v
# The post made this file with the Policy Generator and does not print it: a version-less document
# as the runbooks of its time wrote them.
cat > ec2_iam_policy.txt <<'POLICY'
{"Statement":[{"Effect":"Allow","Action":["ec2:Describe*"],"Resource":"*"}]}
POLICY
iam-useruploadpolicy -u jeff -p ec2 -f ec2_iam_policy.txt
iam-userlistpolicies -u jeff
