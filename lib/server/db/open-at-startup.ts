import { connection } from "./index";
import { PgliteLockedError } from "./pglite-lock";

/** Opens the database for a starting server; a locked embedded folder ends the process with the lock's message. */
export function openAtStartup(): void {
  try {
    connection();
  } catch (error) {
    if (error instanceof PgliteLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
