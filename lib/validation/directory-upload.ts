import { z } from "zod";

/**
 * The directory import form: one file, chosen (a workbook with the sheets
 * 组织 and 人员, or one CSV file of either). Its size and content are the
 * import route's to judge; a refused file comes back with its problems.
 */
export const ZDirectoryUpload = z.object({
  file: z
    .instanceof(File)
    .nullable()
    .pipe(z.instanceof(File, { message: "chooseFile" }).refine((file) => file.size > 0, "chooseFile")),
});

export type TDirectoryUpload = z.input<typeof ZDirectoryUpload>;
