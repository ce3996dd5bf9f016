import "server-only";
import type { AppLocale } from "@/i18n/config";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";

/** Remembers the language a user chose; it follows them to any browser. */
export async function saveUserLocale(actor: Actor, locale: AppLocale): Promise<void> {
  if (actor.locale === locale) return;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { locale } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.locale",
      entityType: "User",
      entityId: actor.id,
      before: { locale: actor.locale },
      after: { locale },
    });
  });
}
