import { z } from "zod";
import { zRequiredText } from "@/lib/validation/text";

// Messages are message-catalog keys, translated where they are shown.
export const ZSignIn = z.object({
  username: zRequiredText(64),
  password: z.string().min(1, "required").max(256, "tooLong"),
});

export type TSignIn = z.infer<typeof ZSignIn>;
