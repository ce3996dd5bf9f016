import { z } from "zod";

/**
 * The import form: one list file, chosen. Its size and content are the
 * import route's to judge (POST /api/catalogs/import), and a refused file
 * comes back with its problems, not as a field error.
 */
export const ZCatalogUpload = z.object({
  file: z
    .instanceof(File)
    .nullable()
    .pipe(z.instanceof(File, { message: "chooseFile" }).refine((file) => file.size > 0, "chooseFile")),
});

export type TCatalogUpload = z.input<typeof ZCatalogUpload>;
