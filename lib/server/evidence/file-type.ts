import "server-only";
import { ValidationError } from "@/lib/server/errors";
import { EVIDENCE_FILE_TYPES, type EvidenceFileType } from "@/lib/validation/evidence";

/**
 * The evidence file checks: the type comes from the bytes (magic numbers and,
 * for Office files, the container's entries), never from the name or the
 * browser's claimed media type; the name only has to agree with it.
 */

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ZIP_EOCD = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const MAX_ZIP_ENTRIES = 20_000;

/**
 * The names in a zip's central directory, or null when the bytes are not a
 * well-formed zip. Reads only the directory, never inflates anything.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, ZIP_LOCAL)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === ZIP_EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count > MAX_ZIP_ENTRIES || offset + size > eocd) return null;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== ZIP_CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > offset + size) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function officeOpenXmlType(names: string[]): EvidenceFileType | null {
  if (!names.includes("[Content_Types].xml")) return null;
  // Macro-enabled documents (.docm, .xlsm) carry a VBA project: not evidence we accept.
  if (names.some((n) => n.toLowerCase().endsWith("vbaproject.bin"))) return null;
  const isWord = names.some((n) => n.startsWith("word/"));
  const isExcel = names.some((n) => n.startsWith("xl/"));
  if (isWord === isExcel) return null;
  return isWord ? "docx" : "xlsx";
}

/**
 * True when the compound file holds a directory entry named `name`: entries
 * are 128 bytes, aligned to 128 in every sector size, with the UTF-16LE name
 * first and its byte length (terminator included) at offset 64.
 */
function hasOleEntry(bytes: Uint8Array, name: string): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(`${name}\0`, "utf16le");
  for (let at = buffer.indexOf(needle, 512); at >= 0; at = buffer.indexOf(needle, at + 1)) {
    if (at % 128 === 0 && at + 66 <= buffer.length && buffer.readUInt16LE(at + 64) === needle.length) return true;
  }
  return false;
}

function oleType(bytes: Uint8Array): EvidenceFileType | null {
  if (hasOleEntry(bytes, "WordDocument")) return "doc";
  if (hasOleEntry(bytes, "Workbook") || hasOleEntry(bytes, "Book")) return "xls";
  return null;
}

/** The allowed type the bytes hold, or null for anything else (executables, archives, scripts…). */
export function detectFileType(bytes: Uint8Array): EvidenceFileType | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return "gif";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "webp";
  if (startsWith(bytes, ZIP_LOCAL)) {
    const names = zipEntryNames(bytes);
    return names ? officeOpenXmlType(names) : null;
  }
  if (startsWith(bytes, OLE2)) return oleType(bytes);
  return null;
}

/** The last path segment of a name from the browser, whichever separator the user's system uses. */
function lastSegment(raw: string): string {
  return raw.split(/[\\/]/).pop() ?? "";
}

/** The extension of a name from the browser, lower-cased; "" when it has none. */
export function extensionOf(raw: string): string {
  const name = lastSegment(raw).trim();
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

const BASE_NAME_MAX = 100;

/**
 * A name part safe on every system and in a header: no directories, no
 * control or bidirectional-override characters, none of <>:"|?*, no leading
 * dots, at most 100 characters.
 */
export function safeBaseName(raw: string): string {
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[<>:"|?*\\/]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  return [...cleaned].slice(0, BASE_NAME_MAX).join("").trim();
}

export type CheckedFile = { type: EvidenceFileType; fileName: string; mediaType: string };

/**
 * Checks an uploaded file and names it: empty, too large, not an allowed
 * type by its content, or named with an extension of another type are each
 * refused as a validation error on "file". The stored name is the user's
 * base name (or the title), cleaned, plus the extension of the detected type.
 */
export function checkEvidenceFile(input: { name: string; bytes: Uint8Array; title: string; maxBytes: number }): CheckedFile {
  const refuse = (code: string): never => {
    throw new ValidationError(`Evidence file refused: ${code}`, { file: [code] });
  };
  if (input.bytes.length === 0) refuse("empty");
  if (input.bytes.length > input.maxBytes) refuse("tooLarge");
  const type = detectFileType(input.bytes) ?? refuse("unsupportedType");
  const spec = EVIDENCE_FILE_TYPES[type];
  const extension = extensionOf(input.name);
  if (extension !== "" && !(spec.aliases as readonly string[]).includes(extension)) refuse("typeMismatch");

  const segment = lastSegment(input.name);
  const stem = extension === "" ? segment : segment.slice(0, segment.length - extension.length - 1);
  const base = safeBaseName(stem) || safeBaseName(input.title) || "evidence";
  return { type, fileName: `${base}.${spec.extension}`, mediaType: spec.mediaType };
}
