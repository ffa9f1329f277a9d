#!/usr/bin/env node
// Generated from the command table by `npm run generate`; do not edit.
import { processIo, runDispatcher } from "../dist/bundle/cli/main.js";
process.exitCode = await runDispatcher(process.argv.slice(2), processIo());
