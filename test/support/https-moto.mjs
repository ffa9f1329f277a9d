// moto served over HTTPS with a given certificate (moto_server --ssl-cert/--ssl-key), for tests
// of private certificate authorities. It listens on 127.0.0.1 only.
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { resolve } from "node:path";

const MOTO_SERVER = resolve(import.meta.dirname, "../../.moto-venv/bin/moto_server");

/** Resolves once something accepts connections on the port, failing if the process exits first. */
async function listening(port, child, log) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${log()}`);
    const up = await new Promise((done) => {
      const socket = connect(port, "127.0.0.1", () => done(true));
      socket.on("error", () => done(false));
      socket.on("connect", () => socket.destroy());
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not listen on ${port} within 20 s:\n${log()}`);
}

/** @param {{ port: number, certFile: string, keyFile: string }} options */
export async function startHttpsMoto({ port, certFile, keyFile }) {
  let output = "";
  const child = spawn(MOTO_SERVER, ["-H", "127.0.0.1", "-p", String(port), "--ssl-cert", certFile, "--ssl-key", keyFile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  await listening(port, child, () => output);
  return { url: `https://127.0.0.1:${port}`, stop: () => child.kill() };
}
