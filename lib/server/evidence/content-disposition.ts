/**
 * An attachment header for a file name in any script: a plain ASCII
 * `filename` for old clients (derived from the name, or the `ascii` one
 * given) and the exact name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(fileName: string, ascii?: string): string {
  const fallback = (ascii ?? fileName)
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
