-- Evidence bytes kept in the database are stored out of line and uncompressed, so that a download
-- can read them a piece at a time (substring) without decompressing the whole file for each piece.
-- Files already there keep their storage until they are rewritten; they are read correctly either way.
ALTER TABLE "EvidenceFile" ALTER COLUMN "content" SET STORAGE EXTERNAL;
