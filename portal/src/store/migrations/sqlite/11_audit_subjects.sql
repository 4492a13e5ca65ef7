
    CREATE TABLE audit_subjects (
        entry_id  INTEGER NOT NULL REFERENCES audit_log(id) ON DELETE CASCADE,
        job_id    INTEGER,
        wipe_id   INTEGER
    );
    CREATE INDEX audit_subjects_by_job ON audit_subjects(job_id) WHERE job_id IS NOT NULL;
    CREATE INDEX audit_subjects_by_wipe ON audit_subjects(wipe_id) WHERE wipe_id IS NOT NULL;
    INSERT INTO audit_subjects (entry_id, wipe_id)
        SELECT id, json_extract(details, '$.wipe_id') FROM audit_log
        WHERE action = 'wipe_registered' AND json_extract(details, '$.wipe_id') IS NOT NULL;
    INSERT INTO audit_subjects (entry_id, job_id)
        SELECT l.id, j.value FROM audit_log l, json_each(l.details, '$.job_ids') j
        WHERE l.action = 'jobs_cancelled';
    INSERT INTO audit_subjects (entry_id, job_id)
        SELECT id, json_extract(details, '$.job_id') FROM audit_log
        WHERE action IN ('partner_job_cancelled', 'job_timed_out')
          AND json_extract(details, '$.job_id') IS NOT NULL;
    INSERT INTO audit_subjects (entry_id, job_id)
        SELECT id, json_extract(details, '$.succeeded_job_id') FROM audit_log
        WHERE action = 'partner_job_cancelled'
          AND json_extract(details, '$.succeeded_job_id') IS NOT NULL;
    