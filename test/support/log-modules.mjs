// Preloaded with `node --import`: prints every module file the program loads, one per line on
// stderr, prefixed with "module: ", so a test can see what starting a bin costs.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function load(url, context, next) {
        if (url.startsWith("file:")) process.stderr.write("module: " + url + "\\n");
        return next(url, context);
      }`),
);
