-- 02: the references of jobs and their history, checked once per statement.
-- A foreign key is checked by PostgreSQL once per row, each check a query of its own (about
-- 30 µs): a 10,000-device registration writes 11,000 jobs and 11,000 history rows, and its
-- four per-row keys below took over a second. The same rules hold, checked once per
-- statement over all the rows it wrote (one anti-join each), and the referenced rows cannot
-- be deleted while named. The pair and Return-to-Service group keys stay per row: few rows
-- carry them.
ALTER TABLE jobs
    DROP CONSTRAINT jobs_tenant_id_fkey,
    DROP CONSTRAINT jobs_wipe_id_fkey,
    DROP CONSTRAINT jobs_device_id_fkey;
ALTER TABLE job_events DROP CONSTRAINT job_events_job_id_fkey;

CREATE FUNCTION jobs_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_jobs n WHERE NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = n.tenant_id))
        OR EXISTS (SELECT 1 FROM new_jobs n WHERE NOT EXISTS (SELECT 1 FROM wipes w WHERE w.id = n.wipe_id))
        OR EXISTS (SELECT 1 FROM new_jobs n WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.id = n.device_id))
    THEN
        RAISE foreign_key_violation USING MESSAGE = 'a job names a tenant, wipe or device that does not exist';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER jobs_references AFTER INSERT ON jobs
    REFERENCING NEW TABLE AS new_jobs FOR EACH STATEMENT EXECUTE FUNCTION jobs_references_exist();

-- Whom a job belongs to never changes once written.
CREATE FUNCTION jobs_owner_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE foreign_key_violation USING MESSAGE = 'a job''s tenant, wipe and device do not change';
END $$;
CREATE TRIGGER jobs_owner_fixed BEFORE UPDATE OF tenant_id, wipe_id, device_id ON jobs
    FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id
        OR OLD.wipe_id IS DISTINCT FROM NEW.wipe_id
        OR OLD.device_id IS DISTINCT FROM NEW.device_id)
    EXECUTE FUNCTION jobs_owner_fixed();

CREATE FUNCTION job_events_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_events n WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = n.job_id)) THEN
        RAISE foreign_key_violation USING MESSAGE = 'a history entry names a job that does not exist';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER job_events_references AFTER INSERT ON job_events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION job_events_references_exist();
CREATE TRIGGER job_events_references_on_update AFTER UPDATE ON job_events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION job_events_references_exist();

-- A tenant, wipe, device or job that something names is not deleted.
CREATE FUNCTION refuse_deleting_named_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_TABLE_NAME = 'tenants' AND EXISTS (SELECT 1 FROM old_rows o JOIN jobs j ON j.tenant_id = o.id))
        OR (TG_TABLE_NAME = 'wipes' AND EXISTS (SELECT 1 FROM old_rows o JOIN jobs j ON j.wipe_id = o.id))
        OR (TG_TABLE_NAME = 'devices' AND EXISTS (SELECT 1 FROM old_rows o JOIN jobs j ON j.device_id = o.id))
        OR (TG_TABLE_NAME = 'jobs' AND EXISTS (SELECT 1 FROM old_rows o JOIN job_events e ON e.job_id = o.id))
    THEN
        RAISE foreign_key_violation USING MESSAGE = TG_TABLE_NAME || ': a row still named by a job or its history cannot be deleted';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tenants_named AFTER DELETE ON tenants
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_deleting_named_rows();
CREATE TRIGGER wipes_named AFTER DELETE ON wipes
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_deleting_named_rows();
CREATE TRIGGER devices_named AFTER DELETE ON devices
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_deleting_named_rows();
CREATE TRIGGER jobs_named AFTER DELETE ON jobs
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_deleting_named_rows();
