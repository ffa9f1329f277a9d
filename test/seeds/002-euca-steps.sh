#!/usr/bin/env bash
# Seed 002 (euca2ools' IAM guide), each euare- step with its iam- equivalent, flags as typed.
set -euo pipefail
cd "$HOME"
iam-groupcreate -g administrators
iam-grouplistbypath
iam-groupaddpolicy -p admin-root -g administrators -e Allow -a "*" -r "*" -o
iam-usercreate -u alice
iam-groupadduser -g administrators -u alice
iam-useraddkey -u alice > alice.key
iam-userlistkeys -u alice | grep -v IsTruncated | grep -v Active
iam-groupcreate -g ebs-backup
cat > allow-snapshot.json <<'POLICY'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:CreateSnapshot"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
POLICY
iam-groupuploadpolicy -g ebs-backup -p allow-snapshot -f allow-snapshot.json
iam-usercreate -u myscript -g ebs-backup -k | wc -l
iam-usercreate -u bob -k > /dev/null
iam-useraddloginprofile -u bob -p 'Bob-Secret-1'
iam-usergetloginprofile -u bob
iam-userdel -u bob -r
iam-groupcreate -g mygroup
iam-groupadduser -g mygroup -u alice
iam-groupdel -g mygroup -r
iam-useraddloginprofile -u alice -p 'Alice-Secret-1'
iam-usergetloginprofile -u alice
iam-userdelloginprofile -u alice
iam-accountaliascreate -a myaccount
iam-accountaliaslist
