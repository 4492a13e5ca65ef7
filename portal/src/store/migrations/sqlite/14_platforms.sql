-- 14: every platform managed by its own method (SPEC "Platforms and management methods").
-- A tenant records its contract date: only tenants contracted before December 2018 may have
-- IVI MDM and Hybrid devices. Tenants created before this migration all had IVI MDM available,
-- so they are recorded as contracted before the cut-off.
ALTER TABLE tenants ADD COLUMN contracted_on TEXT NOT NULL DEFAULT '2016-04-01';
-- What a platform's wipe command needs: a Mac's security chip, an Android device's name in
-- its enterprise (Android Management API).
ALTER TABLE devices ADD COLUMN mac_security_chip TEXT;
ALTER TABLE devices ADD COLUMN android_resource_name TEXT;
-- Android and Windows devices were wrongly stored as IVI MDM: Android Enterprise (fully
-- managed on company devices, work profile on personal ones) and Windows MDM are their methods.
-- Jobs keep what they were registered with: a record is not rewritten.
UPDATE devices SET management_method = CASE ownership
        WHEN 'byod' THEN 'android_work_profile' ELSE 'android_fully_managed' END
    WHERE os = 'android';
UPDATE devices SET management_method = 'windows_mdm' WHERE os = 'windows';
UPDATE devices SET android_resource_name =
        printf('enterprises/LC%08x/devices/%016x', tenant_id, id * 2654435761)
    WHERE os = 'android';
-- The record of a sent command names its platform now; every command sent before was an
-- iPhone or iPad EraseDevice.
UPDATE job_attempts SET command = json_object(
        'sha256', json_extract(command, '$.sha256'),
        'display', json_object('platform', 'apple', 'command', json(json_extract(command, '$.display'))),
        'display_text', json_extract(command, '$.display_plist'))
    WHERE command IS NOT NULL AND json_extract(command, '$.display_plist') IS NOT NULL;
-- The platform options each job's command is built from (the model's PlatformWipeOptions),
-- as resolved for its device at registration.
ALTER TABLE jobs ADD COLUMN platform_options TEXT;
