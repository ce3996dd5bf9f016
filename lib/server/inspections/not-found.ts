import "server-only";

// The generic helper lives with guardPage; inspection pages import it from here.
export { notFoundUnless } from "@/lib/server/access/guard-page";
