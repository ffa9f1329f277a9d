// Preloaded with `node --import` (through NODE_OPTIONS, so it reaches a bin run by its shebang):
// reports the process's peak resident set size, as the kernel counted it, on stderr at exit.
process.on("exit", () => {
  process.stderr.write(`maxrss-kib: ${process.resourceUsage().maxRSS}\n`);
});
