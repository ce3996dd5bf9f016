-- Items sent back before RETURNED existed read IN_PROGRESS: the last step
-- that set their status was a return. (The enum value is added by the
-- previous migration; PostgreSQL uses a new value only once it is committed.)
UPDATE "ChecklistItem" i
   SET "status" = 'RETURNED'
 WHERE i."status" = 'IN_PROGRESS'
   AND (SELECT a."action"
          FROM "AuditLog" a
         WHERE a."entityType" = 'ChecklistItem'
           AND a."entityId" = i."id"
           AND a."action" IN ('checklist.submit', 'checklist.requestNotApplicable', 'checklist.recall', 'checklist.approve', 'checklist.return', 'checklist.reopen')
         ORDER BY a."createdAt" DESC, a."id" DESC
         LIMIT 1) = 'checklist.return';
