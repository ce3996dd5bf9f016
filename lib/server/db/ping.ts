import "server-only";
import { prisma } from "@/lib/server/db";

/** One round trip to the database through the app's client: the least a request that reads anything pays. */
export async function pingDatabase(): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
