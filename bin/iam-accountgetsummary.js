#!/bin/sh
':' /*
if [ -z "$IAMKIT_NO_SNAPSHOT$NODE_OPTIONS" ]; then
  bin=$0
  [ "${bin%/*}" = "$bin" ] && bin=./$bin
  while [ -L "$bin" ]; do
    link=$(readlink "$bin") || break
    case $link in /*) bin=$link ;; *) bin=${bin%/*}/$link ;; esac
  done
  snapshot() { [ -n "$6" ] && blob=${XDG_CACHE_HOME:-$HOME/.cache}/iamkit/$build-node-$1-$6.blob; }
  if { read -r build < "${bin%/*}/../dist/bundle/snapshot/build-id" && snapshot $(ls -Lin "$(command -v node)"); } 2>/dev/null; then
    [ -O "$blob" ] && [ -r "$blob" ] && exec node --no-rehash-snapshot --snapshot-blob "$blob" -- "$0" "$@"
    IAMKIT_SNAPSHOT_MISSING=$blob
    export IAMKIT_SNAPSHOT_MISSING
  fi
fi
exec node "$0" "$@"
*/
// Generated from the command table by `npm run generate`; do not edit.
import { runBin } from "../dist/bundle/cli/main.js";
await runBin("iam-accountgetsummary");
