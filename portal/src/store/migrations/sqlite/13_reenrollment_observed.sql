
    ALTER TABLE devices ADD COLUMN activation_lock_enabled INTEGER;
    ALTER TABLE jobs ADD COLUMN rts_activation_lock INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN reenrollment_status TEXT;
    ALTER TABLE jobs ADD COLUMN reenrollment_since INTEGER;
    ALTER TABLE jobs ADD COLUMN reenrollment_deadline INTEGER;
    ALTER TABLE jobs ADD COLUMN reenrollment_reason TEXT;
    ALTER TABLE jobs ADD COLUMN reenrollment_check_at INTEGER;
    CREATE INDEX jobs_reenrollment_due ON jobs(reenrollment_check_at)
        WHERE reenrollment_status = 'awaiting';
    