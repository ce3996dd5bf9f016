// Whether a list is a sample: its file's source (来源) says so. Client-safe.

/** What a sample list's source says: a Chinese word, since the source shows on Chinese pages and sheets. */
export const SAMPLE_SOURCE = "示例";

/** "示例", or "sample" as older files say, in any case and width. */
export function isSampleSource(source: string): boolean {
  const text = source.normalize("NFKC").trim().toLowerCase();
  return text === SAMPLE_SOURCE || text === "sample";
}

/** The source as a page or sheet shows it: the old English marker reads as the Chinese word. */
export function displaySource(source: string): string {
  return isSampleSource(source) ? SAMPLE_SOURCE : source;
}
