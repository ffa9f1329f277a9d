#!/usr/bin/env node
// Generated from the command table by `npm run generate`; do not edit.
import { runBin } from "../dist/cli/main.js";
await runBin("euare-instanceprofiledel");
