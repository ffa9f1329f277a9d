#!/bin/bash
# Stands in for an iam-*/euare-* command (through a symlink of its name): runs the installed
# command with the same arguments and streams, then appends "<exit code> <command line>" to
# $STEP_LOG, so that a test can compare a runbook's steps as planned and as really run.
name=$(basename "$0")
"$IAMKIT_BINS/$name" "$@"
code=$?
printf '%s %s\n' "$code" "$name $*" >> "$STEP_LOG"
exit $code
