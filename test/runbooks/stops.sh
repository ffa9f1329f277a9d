# set -e: the first refused step ends the runbook, as it would for real.
set -e
euare-groupcreate -g interns
euare-usercreate -u ivy -g interns
euare-useraddkey -u ivy --write-profile ivy
euare-userdel -u ivy
echo "not reached"
