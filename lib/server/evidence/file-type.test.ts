import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/server/errors";
import { attachmentDisposition } from "@/lib/server/evidence/content-disposition";
import { checkEvidenceFile, detectFileType, safeBaseName, zipEntryNames } from "@/lib/server/evidence/file-type";
import { docxBytes, elfBytes, gifBytes, jpegBytes, oleBytes, pdfBytes, pngBytes, webpBytes, xlsxBytes, zipBytes } from "@/lib/test/evidence-files";

const MB = 1024 * 1024;

function refusal(name: string, bytes: Uint8Array, maxBytes = 20 * MB): string | undefined {
  try {
    checkEvidenceFile({ name, bytes, title: "", maxBytes });
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors.file?.[0];
    throw error;
  }
  return undefined;
}

describe("the type of an evidence file comes from its content", () => {
  it("recognizes each allowed type", async () => {
    expect(detectFileType(pdfBytes())).toBe("pdf");
    expect(detectFileType(pngBytes())).toBe("png");
    expect(detectFileType(jpegBytes())).toBe("jpeg");
    expect(detectFileType(gifBytes())).toBe("gif");
    expect(detectFileType(webpBytes())).toBe("webp");
    expect(detectFileType(docxBytes())).toBe("docx");
    expect(detectFileType(await xlsxBytes())).toBe("xlsx");
    expect(detectFileType(oleBytes("WordDocument"))).toBe("doc");
    expect(detectFileType(oleBytes("Workbook"))).toBe("xls");
  });

  it("accepts real minimal files under their own names, named by the detected type", async () => {
    expect(checkEvidenceFile({ name: "会议记录.pdf", bytes: pdfBytes(), title: "", maxBytes: MB })).toEqual({
      type: "pdf",
      fileName: "会议记录.pdf",
      mediaType: "application/pdf",
    });
    expect(checkEvidenceFile({ name: "photo.JPEG", bytes: jpegBytes(), title: "", maxBytes: MB }).fileName).toBe("photo.jpg");
    expect(checkEvidenceFile({ name: "scan.png", bytes: pngBytes(), title: "", maxBytes: MB }).mediaType).toBe("image/png");
    expect(checkEvidenceFile({ name: "纪要.docx", bytes: docxBytes(), title: "", maxBytes: MB }).mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(checkEvidenceFile({ name: "台账.xlsx", bytes: await xlsxBytes(), title: "", maxBytes: MB }).fileName).toBe("台账.xlsx");
    expect(checkEvidenceFile({ name: "old.xls", bytes: oleBytes("Workbook"), title: "", maxBytes: MB }).mediaType).toBe("application/vnd.ms-excel");
  });

  it("refuses a PDF renamed .png, and an executable renamed .pdf", () => {
    expect(refusal("scan.png", pdfBytes())).toBe("typeMismatch");
    expect(refusal("report.pdf", elfBytes())).toBe("unsupportedType");
    expect(refusal("report.docx", oleBytes("WordDocument"))).toBe("typeMismatch");
    expect(refusal("sheet.xlsx", docxBytes())).toBe("typeMismatch");
  });

  it("refuses zips that are not Word or Excel documents, macro documents and other compound files", () => {
    expect(refusal("a.docx", zipBytes({ "readme.txt": "hello", "word/x.txt": "x" }))).toBe("unsupportedType");
    expect(refusal("a.docx", zipBytes({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>", "word/vbaProject.bin": "x" }))).toBe(
      "unsupportedType",
    );
    expect(refusal("a.zip", zipBytes({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" }))).toBe("unsupportedType");
    expect(refusal("a.doc", oleBytes("PowerPoint Document"))).toBe("unsupportedType");
    // A truncated zip has no central directory to read.
    expect(zipEntryNames(docxBytes().subarray(0, 60))).toBeNull();
    expect(refusal("a.txt", Buffer.from("plain text"))).toBe("unsupportedType");
  });

  it("refuses empty and too large files", () => {
    expect(refusal("empty.pdf", Buffer.alloc(0))).toBe("empty");
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(2 * MB)]);
    expect(refusal("big.pdf", big, MB)).toBe("tooLarge");
  });

  it("never keeps the user's path, control characters or reserved characters in the stored name", () => {
    const name = (raw: string, title = "") => checkEvidenceFile({ name: raw, bytes: pdfBytes(), title, maxBytes: MB }).fileName;
    expect(name("C:\\Users\\张三\\Desktop\\总结.pdf")).toBe("总结.pdf");
    expect(name("../../etc/passwd.pdf")).toBe("passwd.pdf");
    expect(name("a\u0000b\u001fc\u202e.pdf")).toBe("abc.pdf");
    expect(name('what<>:"|?*.pdf')).toBe("what_______.pdf");
    expect(name("...pdf", "支部会议")).toBe("支部会议.pdf");
    expect(name("report", "")).toBe("report.pdf");
    expect(name("", "")).toBe("evidence.pdf");
    expect([...safeBaseName("长".repeat(300))]).toHaveLength(100);
  });
});

describe("the download header", () => {
  it("gives an ASCII fallback and the exact name as RFC 5987 filename*", () => {
    expect(attachmentDisposition("会议记录 (1).pdf")).toBe(
      `attachment; filename="____ (1).pdf"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95%20%281%29.pdf`,
    );
    expect(attachmentDisposition('a"b.pdf')).toBe(`attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`);
  });
});
