#!/usr/bin/env node
// Generated from the command table by `npm run generate`; do not edit.
import { runBin } from "../dist/bundle/cli/main.js";
await runBin("iam-oidcprovidertag");
