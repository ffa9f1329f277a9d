#!/usr/bin/env node
import { runBin } from "../dist/cli/main.js";
await runBin("iam-usercreate");
