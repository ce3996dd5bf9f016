import { describe, expect, it } from "vitest";
import { nextStartCommand, nodeFlagsOf } from "./next-start";

describe("the production server's command", () => {
  it("is npm start's, with the heap capped, on the caller's port", () => {
    const { command, args } = nextStartCommand(3456);
    expect(command).toBe(process.execPath);
    expect(args[0]).toMatch(/^--max-old-space-size=\d+$/);
    expect(args.slice(-5)).toEqual(["start", "-p", "3456", "-H", "127.0.0.1"]);
    expect(args.at(-6)).toMatch(/node_modules\/next\/dist\/bin\/next$/);
  });

  it("reads the flags between node and next", () => {
    expect(nodeFlagsOf("node node_modules/next/dist/bin/next start")).toEqual([]);
    expect(nodeFlagsOf("node  --a=1 --b node_modules/next/dist/bin/next start ")).toEqual(["--a=1", "--b"]);
  });

  it("refuses a start script it cannot follow", () => {
    expect(() => nodeFlagsOf("next start")).toThrow(/start script/);
    expect(() => nodeFlagsOf("node node_modules/next/dist/bin/next start -p 3000")).toThrow(/start script/);
    expect(() => nodeFlagsOf("NODE_OPTIONS=--x node node_modules/next/dist/bin/next start")).toThrow(/start script/);
  });
});
