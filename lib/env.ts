import path from "node:path";
import { z } from "zod";

/** An optional setting: blank counts as unset. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);

/**
 * The environment, read and checked in one place. Server-side only: nothing
 * here is meant for the browser.
 */
const ZEnvShape = z.object({
  DATABASE_URL: z.string().trim().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Excel workbooks an instance writes at once; the downloads beyond wait their turn (lib/server/workbook-download.ts). */
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The largest evidence file accepted, in megabytes (docs/evidence-storage.md). */
  EVIDENCE_MAX_MB: z.coerce.number().positive().max(200).default(20),
  /** Where evidence files are kept: in the database (the default) or in EVIDENCE_DIR. */
  EVIDENCE_STORAGE: z.enum(["db", "fs"]).default("db"),
  EVIDENCE_DIR: z.string().trim().min(1).default("./data/evidence"),
  /** Three-colour warnings (lib/warnings.ts): an open item turns green this many days before it is due… */
  WARN_GREEN_DAYS: z.coerce.number().int().min(0).max(366).default(20),
  /** …and yellow this many days before (due today included); red once overdue. */
  WARN_YELLOW_DAYS: z.coerce.number().int().min(0).max(366).default(10),
  /** Inspections: days a unit has to rectify a finding, counted from the report's issue (lib/server/inspections/config.ts). */
  RECTIFY_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
  /** Who must accept a finding's close-out, comma-separated from GROUP, COMMITTEE, UNIT. */
  CLOSEOUT_PARTIES: z
    .string()
    .trim()
    .default("GROUP,COMMITTEE")
    .transform((v) => [...new Set(v.split(",").map((p) => p.trim().toUpperCase()).filter(Boolean))])
    .pipe(z.array(z.enum(["GROUP", "COMMITTEE", "UNIT"])).min(1, "must name at least one of GROUP, COMMITTEE, UNIT")),
  /** Days past a finding's deadline for the reminder, the warning and the accountability notice, ascending. */
  ESCALATION_DAYS: z
    .string()
    .trim()
    .default("1,15,30")
    .transform((v) => v.split(",").map((d) => Number(d.trim())))
    .pipe(
      z
        .array(z.number().int().min(0).max(3650))
        .length(3, "must list three day counts: reminder, warning, accountability")
        .refine((d) => d[0]! <= d[1]! && d[1]! <= d[2]!, "must be in ascending order"),
    ),
  /** Email digests (`npm run notify`): the SMTP server as smtp://user:pass@host:587 or smtps://…:465; unset means no email at all. */
  SMTP_URL: optionalText.pipe(z.string().regex(/^smtps?:\/\/[^\s]+$/i, "must be an smtp:// or smtps:// URL").optional()),
  /** The sender of the digests, as "责任台账 <duty-ledger@example.org>"; required with SMTP_URL. */
  MAIL_FROM: optionalText,
  /** The app's public address for links in emails; NEXTAUTH_URL when unset. */
  APP_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  NEXTAUTH_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
});
const ZEnv = ZEnvShape.refine((e) => e.WARN_YELLOW_DAYS <= e.WARN_GREEN_DAYS, { message: "must not exceed WARN_GREEN_DAYS", path: ["WARN_YELLOW_DAYS"] })
  .refine((e) => !e.SMTP_URL || !!e.MAIL_FROM, { message: "is required when SMTP_URL is set", path: ["MAIL_FROM"] });

export type TEnv = z.infer<typeof ZEnv>;

const ENV_KEYS = Object.keys(ZEnvShape.shape);
let checked: { key: string; env: TEnv } | undefined;

/**
 * Checked again whenever a setting it reads has changed (tests point a process at another database
 * or change a setting); otherwise the last result, since pages ask for it many times per request.
 */
export function env(): TEnv {
  const key = ENV_KEYS.map((k) => process.env[k] ?? "\u0000").join("\u0001");
  if (checked?.key === key) return checked.env;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  checked = { key, env: parsed.data };
  return parsed.data;
}

export type DatabaseTarget =
  | { engine: "pglite"; dataDir: string }
  | { engine: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = "./data/pglite";

/**
 * Unset, `pglite:<dir>`, `file:<dir>` or a bare path means the embedded
 * database; `postgres://` or `postgresql://` means a PostgreSQL server.
 */
export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const value = raw?.trim();
  if (!value) return { engine: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ DEFAULT_PGLITE_DIR) };
  if (/^postgres(ql)?:\/\//i.test(value)) return { engine: "postgres", url: value };
  if (value === "memory://" || value.startsWith("memory://")) return { engine: "pglite", dataDir: value };
  const match = /^(pglite|file):(.*)$/i.exec(value);
  const dir = match ? (match[2] ?? "") : value;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dir)) {
    throw new Error(
      `DATABASE_URL must be a postgresql:// URL or a PGlite data folder (pglite:./data/pglite); got "${value.split(":")[0]}:…"`,
    );
  }
  return { engine: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ dir || DEFAULT_PGLITE_DIR) };
}

/** The evidence file size limit in bytes. */
export function evidenceMaxBytes(): number {
  return Math.floor(env().EVIDENCE_MAX_MB * 1024 * 1024);
}
