import { z } from "zod";
import { hasUnstorableText, UNSTORABLE_TEXT, ZId as ZRecordId, zRequiredText, zText } from "@/lib/validation/text";

export const EVIDENCE_TITLE_MAX = 200;
export const EVIDENCE_TEXT_MAX = 5000;
export const EVIDENCE_URL_MAX = 2000;

/**
 * The file types evidence may have, found from a file's content: the
 * extension a stored file gets, the extensions a user's file name may carry
 * for it, and the media type it is sent with.
 */
export const EVIDENCE_FILE_TYPES = {
  pdf: { extension: "pdf", aliases: ["pdf"], mediaType: "application/pdf" },
  png: { extension: "png", aliases: ["png"], mediaType: "image/png" },
  jpeg: { extension: "jpg", aliases: ["jpg", "jpeg", "jpe", "jfif"], mediaType: "image/jpeg" },
  gif: { extension: "gif", aliases: ["gif"], mediaType: "image/gif" },
  webp: { extension: "webp", aliases: ["webp"], mediaType: "image/webp" },
  docx: {
    extension: "docx",
    aliases: ["docx"],
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  doc: { extension: "doc", aliases: ["doc"], mediaType: "application/msword" },
  xlsx: {
    extension: "xlsx",
    aliases: ["xlsx"],
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  xls: { extension: "xls", aliases: ["xls"], mediaType: "application/vnd.ms-excel" },
} as const;

export type EvidenceFileType = keyof typeof EVIDENCE_FILE_TYPES;

/** For the file input's `accept`: a hint to the browser's picker, never the check itself. */
export const EVIDENCE_FILE_ACCEPT = Object.values(EVIDENCE_FILE_TYPES)
  .flatMap((t) => t.aliases.map((a) => `.${a}`))
  .join(",");

export const EVIDENCE_KINDS = ["TEXT", "LINK", "FILE"] as const;

/** The id of what evidence backs (an item, a finding) or of a piece of evidence. */
export const ZEvidenceTargetId = ZRecordId;
const ZId = ZEvidenceTargetId;
const ZTitle = zRequiredText(EVIDENCE_TITLE_MAX);

/** Only web links: no javascript:, data: or file: URLs reach a page as a link. */
const ZUrl = z
  .string()
  .trim()
  .min(1, "required")
  .max(EVIDENCE_URL_MAX, "tooLong")
  .refine((value) => !hasUnstorableText(value), UNSTORABLE_TEXT)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "invalidUrl");

export const ZTextEvidenceBody = z.object({
  kind: z.literal("TEXT"),
  title: ZTitle,
  text: zRequiredText(EVIDENCE_TEXT_MAX),
});

export const ZLinkEvidenceBody = z.object({
  kind: z.literal("LINK"),
  title: ZTitle,
  url: ZUrl,
});

/** Text or link evidence, whatever it backs: an item's or a finding's schema adds the target's id. */
export const ZEvidenceRecord = z.discriminatedUnion("kind", [ZTextEvidenceBody, ZLinkEvidenceBody]);

export type TEvidenceRecord = z.infer<typeof ZEvidenceRecord>;

export const ZAddTextEvidence = ZTextEvidenceBody.extend({ itemId: ZId });

export const ZAddLinkEvidence = ZLinkEvidenceBody.extend({ itemId: ZId });

/** Text and link evidence, as the server action takes it. Files go through the upload route. */
export const ZAddEvidence = z.discriminatedUnion("kind", [ZAddTextEvidence, ZAddLinkEvidence]);

export type TAddEvidence = z.infer<typeof ZAddEvidence>;

/** The optional title of an uploaded file; its name stands in when it is empty. */
export const ZUploadTitle = zText(EVIDENCE_TITLE_MAX).optional().default("");

/** An uploaded file as the route and the form check it; the server checks its content again. */
export function zEvidenceFile(maxBytes: number) {
  return z
    .instanceof(File, { message: "required" })
    .refine((f) => f.size > 0, "empty")
    .refine((f) => f.size <= maxBytes, "tooLarge");
}

/**
 * A file as the upload route and the form check it. `maxBytes` comes from
 * the server's configuration; the server checks the content's type again.
 * Without `evidenceId` the file is new evidence; with it, a new revision of
 * that evidence's file.
 */
export function zEvidenceUpload(maxBytes: number) {
  return z.object({
    evidenceId: ZId.optional(),
    title: ZUploadTitle,
    file: zEvidenceFile(maxBytes),
  });
}

export type TEvidenceUpload = z.output<ReturnType<typeof zEvidenceUpload>>;

/**
 * The add form, flat so that every field is always there: the fields of the
 * chosen kind are checked with the same schemas the server applies. The
 * target (item or finding) is the form's, not a field.
 */
export function zEvidenceForm(maxBytes: number) {
  const upload = z.object({ title: ZUploadTitle, file: zEvidenceFile(maxBytes) });
  return z
    .object({
      kind: z.enum(EVIDENCE_KINDS),
      title: z.string(),
      text: z.string(),
      url: z.string(),
      file: z.instanceof(File).nullable(),
    })
    .superRefine((value, ctx) => {
      const result =
        value.kind === "FILE" ? upload.safeParse({ title: value.title, file: value.file ?? undefined }) : ZEvidenceRecord.safeParse(value);
      for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    });
}

export type TEvidenceForm = z.input<ReturnType<typeof zEvidenceForm>>;

/** A new revision of a file evidence, as its form checks it: no file chosen yet is null. */
export function zEvidenceReplace(maxBytes: number) {
  return z.object({ file: z.instanceof(File).nullable().pipe(zEvidenceFile(maxBytes)) });
}

export type TEvidenceReplace = z.input<ReturnType<typeof zEvidenceReplace>>;

/** A file for a record (a meeting, a grade…), as its form checks it: an optional title and the file, no file chosen yet null. */
export function zRecordFile(maxBytes: number) {
  return z.object({ title: ZUploadTitle, file: z.instanceof(File).nullable().pipe(zEvidenceFile(maxBytes)) });
}

export type TRecordFile = z.input<ReturnType<typeof zRecordFile>>;

export const ZItemEvidenceRef = z.object({
  itemId: ZId,
  evidenceId: ZId,
});

export type TItemEvidenceRef = z.infer<typeof ZItemEvidenceRef>;
