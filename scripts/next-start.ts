// How the production server is started, in one home: package.json's `start` script. The end-to-end
// server, the second server of its suite and the benchmark spawn the same command with their own
// port, so what they measure and test is what `npm start` runs.
import fs from "node:fs";
import path from "node:path";

const NEXT_BIN = "node_modules/next/dist/bin/next";

/** The Node flags of a `start` script of the form `node [flags…] node_modules/next/dist/bin/next start`. */
export function nodeFlagsOf(script: string): string[] {
  const words = script.trim().split(/\s+/);
  const at = words.indexOf(NEXT_BIN);
  if (words[0] !== "node" || at < 1 || words[at + 1] !== "start" || at + 2 !== words.length) {
    throw new Error(`package.json's start script should read "node [flags] ${NEXT_BIN} start", not "${script}"`);
  }
  return words.slice(1, at);
}

/** The program and arguments that run `npm start`'s server on a port of the caller's choosing. */
export function nextStartCommand(port: number | string, host = "127.0.0.1"): { command: string; args: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.resolve("package.json"), "utf8")) as { scripts: { start: string } };
  return {
    command: process.execPath,
    args: [...nodeFlagsOf(pkg.scripts.start), path.resolve(NEXT_BIN), "start", "-p", String(port), "-H", host],
  };
}
