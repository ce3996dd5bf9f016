import { z } from "zod";

// Messages are message-catalog keys, translated where they are shown.
export const ZSignIn = z.object({
  username: z.string().trim().min(1, "required").max(64, "tooLong"),
  password: z.string().min(1, "required").max(256, "tooLong"),
});

export type TSignIn = z.infer<typeof ZSignIn>;
