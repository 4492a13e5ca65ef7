
    CREATE TABLE groups (
        id          INTEGER PRIMARY KEY,
        tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
        parent_id   INTEGER REFERENCES groups(id),
        name        TEXT NOT NULL,
        position    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX groups_by_tenant ON groups(tenant_id, position, id);
    CREATE TABLE wifi_settings (
        id                  INTEGER PRIMARY KEY,
        tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
        name                TEXT NOT NULL,
        ssid                TEXT NOT NULL,
        security            TEXT NOT NULL,
        -- Only ever put into the Wi-Fi profile sent to a device; never part of the API.
        password            TEXT,
        auto_join           INTEGER NOT NULL,
        hidden              INTEGER NOT NULL DEFAULT 0,
        in_remote_settings  INTEGER NOT NULL
    );
    CREATE TABLE dep_profiles (
        id                          INTEGER PRIMARY KEY,
        tenant_id                   INTEGER NOT NULL REFERENCES tenants(id),
        name                        TEXT NOT NULL,
        enrollment_group_id         INTEGER NOT NULL REFERENCES groups(id),
        skip_authentication_screen  INTEGER NOT NULL,
        skipped_setup_panes         TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE devices (
        id                      INTEGER PRIMARY KEY,
        tenant_id               INTEGER NOT NULL REFERENCES tenants(id),
        group_id                INTEGER NOT NULL REFERENCES groups(id),
        name                    TEXT NOT NULL,
        os                      TEXT NOT NULL,
        os_version              TEXT NOT NULL,
        -- The version as a sortable number: major * 1e6 + minor * 1e3 + patch.
        os_version_key          INTEGER NOT NULL,
        model                   TEXT NOT NULL,
        serial_number           TEXT NOT NULL,
        phone_number            TEXT,
        user_full_name          TEXT,
        employee_number         TEXT,
        email                   TEXT,
        notes                   TEXT,
        tags                    TEXT NOT NULL DEFAULT '[]',
        -- Tags joined in order, for sorting by the tags column.
        tags_sort               TEXT NOT NULL DEFAULT '',
        ownership               TEXT NOT NULL,
        enrollment              TEXT NOT NULL,
        dep_profile_id          INTEGER REFERENCES dep_profiles(id),
        management_method       TEXT NOT NULL,
        esim                    INTEGER NOT NULL,
        powered_on              INTEGER NOT NULL,
        network_connected       INTEGER NOT NULL,
        mdm_profile_installed   INTEGER NOT NULL,
        -- The ActiveSync account as JSON, NULL when the device has none.
        activesync              TEXT,
        -- Derived from the four state columns above; stored so it can be filtered and sorted.
        status                  TEXT NOT NULL,
        last_seen_at            INTEGER NOT NULL,
        -- Lower-cased searchable text (name, serial, phone, user, employee number) and the
        -- phone number's digits: what the `q` search matches.
        search_text             TEXT NOT NULL,
        phone_digits            TEXT NOT NULL DEFAULT '',
        -- Lower-cased name, serial and user: what the job list's `q` search matches.
        job_search_text         TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX devices_by_group ON devices(tenant_id, group_id, name, id);
    CREATE INDEX devices_by_name ON devices(tenant_id, name, id);
    CREATE INDEX devices_by_os ON devices(tenant_id, os, os_version_key, id);
    CREATE INDEX devices_by_model ON devices(tenant_id, model, id);
    CREATE INDEX devices_by_user ON devices(tenant_id, user_full_name, id);
    CREATE INDEX devices_by_phone ON devices(tenant_id, phone_number, id);
    CREATE INDEX devices_by_method ON devices(tenant_id, management_method, id);
    CREATE INDEX devices_by_ownership ON devices(tenant_id, ownership, id);
    CREATE INDEX devices_by_status ON devices(tenant_id, status, id);
    CREATE INDEX devices_by_last_seen ON devices(tenant_id, last_seen_at, id);
    CREATE INDEX devices_by_tags ON devices(tenant_id, tags_sort, id);
    CREATE INDEX devices_by_serial ON devices(tenant_id, serial_number, id);
    CREATE INDEX devices_by_employee ON devices(tenant_id, employee_number, id);

    -- One press of OK on the wipe screen.
    CREATE TABLE wipes (
        id                   INTEGER PRIMARY KEY,
        tenant_id            INTEGER NOT NULL REFERENCES tenants(id),
        registered_by        INTEGER NOT NULL REFERENCES administrators(id),
        registered_at        INTEGER NOT NULL,
        delete_general_info  INTEGER NOT NULL,
        scheduled_at         INTEGER,
        wifi_setting_id      INTEGER REFERENCES wifi_settings(id),
        keep_esim_data_plan  INTEGER NOT NULL,
        idempotency_key      TEXT,
        -- A digest of the request, so a reused key with a different request is refused.
        request_digest       TEXT,
        -- The answer given, replayed for a repeat with the same key.
        response             TEXT
    );
    CREATE UNIQUE INDEX wipes_idempotency ON wipes(registered_by, idempotency_key)
        WHERE idempotency_key IS NOT NULL;

    CREATE TABLE jobs (
        id              INTEGER PRIMARY KEY,
        tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
        wipe_id         INTEGER NOT NULL REFERENCES wipes(id),
        device_id       INTEGER NOT NULL REFERENCES devices(id),
        method          TEXT NOT NULL,
        status          TEXT NOT NULL,
        status_reason   TEXT NOT NULL,
        status_changed_at INTEGER NOT NULL,
        -- The other job of a Hybrid pair.
        pair_job_id     INTEGER REFERENCES jobs(id),
        -- The job a list entry is keyed by: the job itself, or for a Hybrid pair its IVI MDM
        -- job (both jobs of the pair carry it).
        entry_id        INTEGER NOT NULL,
        -- Return to Service planned at registration (Apple MDM job of an eligible device).
        rts_group_id    INTEGER REFERENCES groups(id),
        rts_group_name  TEXT,
        rts_user_must_authenticate INTEGER,
        registered_at   INTEGER NOT NULL,
        -- When the job became (or becomes) due: its schedule, else its registration.
        due_at          INTEGER NOT NULL,
        -- The engine looks at the job again at this time.
        next_check_at   INTEGER NOT NULL,
        -- IVI MDM only: when the gateway reaches the device.
        ivi_ready_at    INTEGER,
        attempts        INTEGER NOT NULL DEFAULT 0,
        updated_at      INTEGER NOT NULL
    );
    -- The database itself guarantees at most one open wipe job per device and method
    -- (a Hybrid device has exactly one job per method in a wipe).
    CREATE UNIQUE INDEX jobs_one_open_per_device ON jobs(device_id, method)
        WHERE status IN ('scheduled', 'waiting_for_device', 'sent');
    CREATE INDEX jobs_by_tenant ON jobs(tenant_id, registered_at DESC, id DESC);
    CREATE INDEX jobs_entries ON jobs(tenant_id, registered_at DESC, id DESC) WHERE id = entry_id;
    CREATE INDEX jobs_by_entry ON jobs(entry_id);
    CREATE INDEX jobs_by_device ON jobs(device_id, id);
    CREATE INDEX jobs_by_status ON jobs(tenant_id, status, registered_at DESC, id DESC);
    CREATE INDEX jobs_by_wipe ON jobs(wipe_id);
    CREATE INDEX jobs_to_check ON jobs(next_check_at)
        WHERE status IN ('scheduled', 'waiting_for_device', 'sent');

    CREATE TABLE job_events (
        id          INTEGER PRIMARY KEY,
        job_id      INTEGER NOT NULL REFERENCES jobs(id),
        at          INTEGER NOT NULL,
        status      TEXT NOT NULL,
        reason      TEXT NOT NULL
    );
    CREATE INDEX job_events_by_job ON job_events(job_id, id);

    CREATE TABLE help_feedback (
        id          INTEGER PRIMARY KEY,
        tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
        admin_id    INTEGER NOT NULL REFERENCES administrators(id),
        article     TEXT NOT NULL,
        helpful     INTEGER NOT NULL,
        at          INTEGER NOT NULL
    );
    