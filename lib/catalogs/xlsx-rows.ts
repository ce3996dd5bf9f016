/**
 * A streaming pass over the rows of an .xlsx held in memory, keeping none:
 * the zip's entries are found through its central directory, and each sheet
 * is inflated and parsed chunk by chunk. It reads only what tells a blank
 * cell from a non-blank one, and the text of shared and inline strings.
 *
 * exceljs's own streaming reader is not used: it reads the zip front to
 * back and parks sheets stored before the workbook part in temporary files;
 * when the disk is slow, it loses the workbook part and throws on a valid
 * file (exceljs#3064; every workbook exceljs writes stores it last).
 */
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";

export type CellValue = string | number | boolean;

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localHeader: number };

/** A zip's entries, "zip64" for one too large to be a list, or undefined when the bytes are not a zip this reads. */
export function zipEntries(bytes: Buffer): ZipEntry[] | "zip64" | undefined {
  const endOfDirectory = 0x06054b50;
  const entrySignature = 0x02014b50;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) !== endOfDirectory) continue;
    const count = bytes.readUInt16LE(at + 10);
    let entry = bytes.readUInt32LE(at + 16);
    if (count === 0xffff || entry === 0xffffffff) return "zip64";
    const entries: ZipEntry[] = [];
    for (let n = 0; n < count; n++) {
      if (entry + 46 > bytes.length || bytes.readUInt32LE(entry) !== entrySignature) return undefined;
      const compressedSize = bytes.readUInt32LE(entry + 20);
      const size = bytes.readUInt32LE(entry + 24);
      if (size === 0xffffffff || compressedSize === 0xffffffff) return "zip64";
      const nameLength = bytes.readUInt16LE(entry + 28);
      entries.push({
        name: bytes.toString("utf8", entry + 46, entry + 46 + nameLength),
        method: bytes.readUInt16LE(entry + 10),
        compressedSize,
        size,
        localHeader: bytes.readUInt32LE(entry + 42),
      });
      entry += 46 + nameLength + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
    }
    return entries;
  }
  return undefined;
}

class NotReadable extends Error {}

/** An entry's inflated bytes, a chunk at a time. */
function entryChunks(bytes: Buffer, entry: ZipEntry): AsyncIterable<Buffer> {
  const localSignature = 0x04034b50;
  const at = entry.localHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localSignature) throw new NotReadable(entry.name);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new NotReadable(entry.name);
  const stored = Readable.from([bytes.subarray(start, end)]);
  if (entry.method === 0) return stored;
  if (entry.method === 8) return stored.pipe(zlib.createInflateRaw());
  throw new NotReadable(`${entry.name}: compression method ${entry.method}`);
}

/** Element names without their namespace prefix ("x:row" is a row). */
const local = (tag: { name: string }) => tag.name.slice(tag.name.indexOf(":") + 1);

/**
 * Parses an entry's XML, calling `on` for each element opened, closed and
 * each piece of text; `on` returning true stops the pass.
 */
async function parseEntry(
  bytes: Buffer,
  entry: ZipEntry,
  on: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => boolean | void; text?: (text: string) => void },
): Promise<void> {
  const parser = new SaxesParser();
  let stop = false;
  if (on.open) parser.on("opentag", on.open);
  if (on.text) {
    parser.on("text", on.text);
    parser.on("cdata", on.text);
  }
  parser.on("closetag", (tag) => {
    // The rest of a chunk is still parsed after a stop: nothing more is reported.
    if (!stop && on.close?.(local(tag))) stop = true;
  });
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of entryChunks(bytes, entry)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (stop) return;
  }
  parser.write(decoder.decode());
  parser.close();
}

/** The text of each shared string, by index (rich text runs joined; phonetic guides left out). */
async function sharedStrings(bytes: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current = "";
  let inText = false;
  let inPhonetic = false;
  await parseEntry(bytes, entry, {
    open: (tag) => {
      const name = local(tag);
      if (name === "si") current = "";
      else if (name === "rPh") inPhonetic = true;
      else if (name === "t") inText = !inPhonetic;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (name) => {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") strings.push(current);
    },
  });
  return strings;
}

/** The workbook's sheets in its order, each with the zip entry that holds it. */
async function sheetParts(bytes: Buffer, entries: Map<string, ZipEntry>): Promise<{ name: string; part: ZipEntry }[]> {
  const workbook = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new NotReadable("no workbook part");
  const targets = new Map<string, string>();
  await parseEntry(bytes, rels, {
    open: (tag) => {
      if (local(tag) === "Relationship" && tag.attributes.Id && tag.attributes.Target) targets.set(tag.attributes.Id, tag.attributes.Target);
    },
  });
  const sheets: { name: string; part: ZipEntry }[] = [];
  await parseEntry(bytes, workbook, {
    open: (tag) => {
      if (local(tag) !== "sheet") return;
      const relation = Object.entries(tag.attributes).find(([key]) => key === "r:id" || key.endsWith(":id"))?.[1];
      const target = relation ? targets.get(relation) : undefined;
      if (!target) return;
      const part = entries.get(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
      if (part) sheets.push({ name: tag.attributes.name ?? "", part });
    },
  });
  return sheets;
}

/** "BC12" → 55: a cell reference's column, 1-based. */
function columnOf(reference: string | undefined): number | undefined {
  const letters = reference?.match(/^[A-Z]+/i)?.[0];
  if (!letters) return undefined;
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/**
 * Calls `visit` with each sheet's name, and the function it returns with
 * each row's cells that hold a value (column → value, strings as stored),
 * in order; a row visitor returning true stops the whole pass. Throws when
 * the bytes are not a workbook this can read.
 */
export async function forEachRow(bytes: Buffer, visit: (sheet: string) => (cells: Map<number, CellValue>) => boolean | void): Promise<void> {
  const listed = zipEntries(bytes);
  if (!Array.isArray(listed)) throw new NotReadable("not a zip");
  const entries = new Map(listed.map((entry) => [entry.name, entry]));
  const strings = await sharedStrings(bytes, entries.get("xl/sharedStrings.xml"));
  for (const sheet of await sheetParts(bytes, entries)) {
    const onRow = visit(sheet.name);
    let stopped = false;
    let cells = new Map<number, CellValue>();
    let column = 0;
    let type: string | undefined;
    let text: string | undefined;
    let capture = false;
    await parseEntry(bytes, sheet.part, {
      open: (tag) => {
        switch (local(tag)) {
          case "row":
            cells = new Map();
            column = 0;
            break;
          case "c":
            column = columnOf(tag.attributes.r) ?? column + 1;
            type = tag.attributes.t;
            text = undefined;
            break;
          case "v":
          case "t":
            capture = true;
            text ??= "";
            break;
        }
      },
      text: (piece) => {
        if (capture) text += piece;
      },
      close: (name) => {
        if (name === "v" || name === "t") capture = false;
        else if (name === "c" && text !== undefined) {
          const value = cellValue(type, text, strings);
          if (value !== undefined) cells.set(column, value);
        } else if (name === "row" && onRow(cells)) {
          stopped = true;
          return true;
        }
      },
    });
    if (stopped) return;
  }
}

/** A cell's value from its type and the text of its <v> (or inline <t>). */
function cellValue(type: string | undefined, text: string, strings: string[]): CellValue | undefined {
  switch (type) {
    case "s":
      return strings[Number(text)];
    case "b":
      return text === "1";
    case "str":
    case "inlineStr":
    case "d":
    case "e":
      return text;
    default: {
      const number = Number(text);
      return text.trim() === "" || Number.isNaN(number) ? undefined : number;
    }
  }
}
