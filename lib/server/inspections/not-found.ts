import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/server/errors";

/** For pages: a record out of the actor's reach shows the not-found page, like one that does not exist. */
export async function notFoundUnless<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
