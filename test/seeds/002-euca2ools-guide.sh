#!/usr/bin/env bash
# Seed 002 (a guide to IAM with euca2ools), its euare- commands as typed. The test also runs this
# file with every "euare-" turned into "iam-", the IAMCli equivalents. MOTO_URL is given by the test:
# the guide's .eucarc leaves EUARE_URL for the reader to fill in.
set -euo pipefail
cd "$HOME"
cat > ~/.iamrc <<'IAMRC'
AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE
AWSSecretKey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
IAMRC
chmod 600 ~/.iamrc
cat > ~/.eucarc <<EUCARC
export AWS_CREDENTIAL_FILE=~/.iamrc
export EUARE_URL=$MOTO_URL
EUCARC
source ~/.eucarc

# Create an administrative group, with a policy that allows everything
euare-groupcreate -g administrators
euare-grouplistbypath
euare-groupaddpolicy -p admin-root -g administrators -e Allow -a "*" -r "*" -o

# Create an administrative user and switch to its key (the guide edits ~/.iamrc with ed)
euare-usercreate -u alice
euare-groupadduser -g administrators -u alice
euare-useraddkey -u alice > alice.key
printf '%s\n' "1s|=.*|=$(sed -n 1p alice.key)|" "2s|=.*|=$(sed -n 2p alice.key)|" w q | ed -s ~/.iamrc
source ~/.eucarc
euare-userlistkeys -u alice | grep -v IsTruncated | grep -vx Active

# A limited user for a snapshot script
euare-groupcreate -g ebs-backup
cat > allow-snapshot.json <<'POLICY'
{
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
euare-groupuploadpolicy -g ebs-backup -p allow-snapshot -f allow-snapshot.json
euare-usercreate -u myscript -g ebs-backup -k | wc -l

# Deleting a user and a group with everything attached (bob and mygroup stand for the guide's examples)
euare-usercreate -u bob -k > /dev/null
euare-useraddloginprofile -u bob -p 'Bob-Secret-1'
euare-usergetloginprofile -u bob
euare-userdel -u bob -r
euare-groupcreate -g mygroup
euare-groupadduser -g mygroup -u myscript
euare-groupdel -g mygroup -r

# Login profiles and the account alias
euare-useraddloginprofile -u alice -p 'Alice-Secret-1'
euare-usergetloginprofile -u alice
euare-userdelloginprofile -u alice
euare-accountaliascreate -a myaccount
euare-accountaliaslist
