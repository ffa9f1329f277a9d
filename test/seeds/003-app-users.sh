#!/usr/bin/env bash
# Seed 003 (IAM's 2011 launch post): /family/ and /app users and -e/-a/-r policies. The post's
# typographic quotes are typed here as plain ASCII quotes, as a shell user must, and its S3 ARN
# "arn:aws:s3::*" (one colon short, refused by IAM today) as "arn:aws:s3:::*".
set -euo pipefail
cd "$HOME"
iam-userlistbypath
iam-usercreate -u jeff -p /family/ -k | wc -l
iam-userlistbypath
iam-groupcreate -g admins
iam-groupaddpolicy -g admins -p manageusers -e Allow -a "iam:*" -r "arn:aws:iam::889279108296:user/app/*"
iam-groupadduser -g admins -u jeff
iam-usercreate -u backup -p /app -k | wc -l
iam-usercreate -u syndic8 -p /app -k | wc -l
iam-userlistbypath -p /app/
iam-useraddpolicy -u backup -p dobackup -e Allow -a "s3:*" -r "arn:aws:s3:::*"
iam-userlistpolicies -u backup -v
cat > ec2_iam_policy.txt <<'POLICY'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:Describe*"],"Resource":"*"}]}
POLICY
iam-useruploadpolicy -u jeff -p ec2 -f ec2_iam_policy.txt
iam-userlistpolicies -u jeff
