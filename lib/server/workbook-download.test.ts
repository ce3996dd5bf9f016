import type { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Turns, workbookDownload } from "@/lib/server/workbook-download";

/** A promise settled from outside. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("turns", () => {
  it("runs at most their number at once, and the waiting ones in the order they came", async () => {
    const turns = new Turns(2);
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => deferred());
    let running = 0;
    let most = 0;
    const runs = gates.map((gate, i) =>
      turns.run(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await gate.promise;
        running -= 1;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(turns.queued).toBe(3);
    gates[1]!.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(turns.queued).toBe(0);
  });

  it("give a turn back at once when the work is no longer wanted, and when it fails", async () => {
    const turns = new Turns(1);
    const first = deferred();
    const ran: string[] = [];
    const holding = turns.run(() => first.promise);
    const failing = turns.run(async () => {
      ran.push("failing");
      throw new Error("broken");
    });
    const unwanted = turns.run(
      async () => void ran.push("unwanted"),
      () => false,
    );
    const last = turns.run(async () => void ran.push("last"));
    first.resolve();
    await holding;
    await expect(failing).rejects.toThrow("broken");
    await Promise.all([unwanted, last]);
    expect(ran).toEqual(["failing", "last"]);
    // Every turn came back: one more runs at once.
    let ranAgain = false;
    await turns.run(async () => void (ranAgain = true));
    expect(ranAgain).toBe(true);
  });
});

describe("a workbook download", () => {
  const names = { fileName: "整改台账.xlsx", asciiName: "rectification-ledger.xlsx", label: "test" };

  it("answers at once, and writes when a turn is free: two at a time by default", async () => {
    const gates = Array.from({ length: 3 }, () => deferred());
    const started: number[] = [];
    const responses = gates.map((gate, i) =>
      workbookDownload(async (output: Writable) => {
        started.push(i);
        await gate.promise;
        output.end(`workbook ${i}`);
      }, names),
    );
    expect(responses[0]!.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(responses[0]!.headers.get("Content-Disposition")).toBe(
      `attachment; filename="rectification-ledger.xlsx"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6.xlsx`,
    );
    await settle();
    expect(started).toEqual([0, 1]);
    gates[0]!.resolve();
    expect(await responses[0]!.text()).toBe("workbook 0");
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all([responses[1]!.text(), responses[2]!.text()])).toEqual(["workbook 1", "workbook 2"]);
  });

  it("is never written when the browser closes it while it waits, and is cut short when writing fails", async () => {
    const gates = [deferred(), deferred()];
    const started: string[] = [];
    const holding = gates.map((gate, i) =>
      workbookDownload(async (output: Writable) => {
        started.push(`holding ${i}`);
        await gate.promise;
        output.end("done");
      }, names),
    );
    const closed = workbookDownload(async (output: Writable) => {
      started.push("closed");
      output.end("never");
    }, names);
    const failing = workbookDownload(async (output: Writable) => {
      started.push("failing");
      output.write("half a workbook");
      throw new Error("the database went away");
    }, names);
    await settle();
    await closed.body!.cancel();
    gates[0]!.resolve();
    gates[1]!.resolve();
    await Promise.all(holding.map((r) => r.text()));
    await expect(failing.text()).rejects.toThrow();
    expect(started).toEqual(["holding 0", "holding 1", "failing"]);
  });
});
