// Raises the yellow and red warning notices due today (for checklist items
// and for findings under rectification), the escalations of overdue
// findings and the notices of committee terms falling due, then mails the
// email digests when SMTP_URL is set. For a system scheduler, e.g. every
// half hour:
//   */30 * * * * cd /srv/duty-ledger && npm run notify
// On the embedded database (PGlite) only one process may open the data
// folder: while the app runs, this command is refused with a message saying
// so. Run it with PostgreSQL (DATABASE_URL=postgresql://…), or while the app
// is stopped.
import { openDatabase } from "../lib/server/db/connect";
import { raiseFindingEscalations } from "../lib/server/inspections/escalate";
import { raiseFindingWarningNotices, raiseWarningNotices } from "../lib/server/notifications/raise-warnings";
import { sendDigests } from "../lib/server/notifications/send-digests";
import { raiseTermNotices } from "../lib/server/terms/raise-term-notices";

async function main(): Promise<number> {
  const now = new Date();
  const db = openDatabase();
  try {
    const warned = await raiseWarningNotices(db.prisma, now);
    console.log(`Warning notices: ${warned.itemsWarned} item(s) yellow or red, ${warned.noticesCreated} new notice(s).`);
    const findingsWarned = await raiseFindingWarningNotices(db.prisma, now);
    console.log(`Finding warning notices: ${findingsWarned.findingsWarned} finding(s) yellow or red, ${findingsWarned.noticesCreated} new notice(s).`);
    const escalated = await raiseFindingEscalations(db.prisma, now);
    console.log(
      `Escalations: ${escalated.findingsOverdue} finding(s) overdue, ${escalated.escalationsCreated} new escalation(s), ${escalated.noticesCreated} new notice(s).`,
    );
    const terms = await raiseTermNotices(db.prisma, now);
    console.log(`Term notices: ${terms.termsDue} term(s) due within 6 months or overdue, ${terms.noticesCreated} new notice(s).`);
    const digest = await sendDigests(db.prisma, now);
    if (!digest.configured) {
      console.log("Email digests: SMTP_URL is not set; no email sent. Notices stay in the app.");
      return 0;
    }
    if (!digest.linked) console.log("Email digests: neither APP_URL nor NEXTAUTH_URL is set; the mails carry no links.");
    console.log(`Email digests: ${digest.mailsSent} mail(s) sent covering ${digest.noticesEmailed} notice(s), ${digest.failures} failed.`);
    if (digest.stoppedEarly) console.log("Email digests: stopped after several failures in a row; the rest are sent on the next run.");
    // A failed mail is retried on the next run; the exit code lets the scheduler report it.
    return digest.failures > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Expected failures (a locked embedded database, a bad setting) carry a complete message; a stack adds nothing.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
