-- Motcua: make the audit trail insert-only for the application's PostgreSQL role (optional; ADR 0016,
-- docs/security/audit.md). Idempotent: run it again after every upgrade (`motcua migrate`).
--
-- Run it as the role that OWNS the Motcua tables (the one that applies the migrations), in the Motcua database:
--
--   PGOPTIONS="-c motcua.app_role=motcua_app" psql "host=db dbname=motcua user=motcua_owner" -f scripts/postgres-audit-role.sql
--
-- motcua.app_role names the role the application serves with. Recommended: a role of its own (create it first,
-- e.g. CREATE ROLE motcua_app LOGIN PASSWORD '…'), so that the application can never grant itself back what
-- this script takes away; it then gets SELECT, INSERT, UPDATE, DELETE on every Motcua table except the two
-- histories. Without motcua.app_role the script restricts the owner itself (the owner could re-grant, but the
-- application never does; the trigger below then still refuses UPDATE and DELETE of audit entries).
--
-- After it: the application role may only SELECT and INSERT audit.audit_entries and dossiers.dossier_events;
-- UPDATE, DELETE and TRUNCATE fail with "permission denied", and a trigger refuses UPDATE, DELETE and TRUNCATE
-- of audit entries for every role but a superuser who disables it.

DO $$
DECLARE
    app text := coalesce(nullif(current_setting('motcua.app_role', true), ''), current_user);
    area text;
BEGIN
    IF app <> current_user THEN
        -- Every Motcua area schema has its own migrations history table.
        FOR area IN SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name LIKE '\_\_ef\_migrations\_%' LOOP
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', area, app);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', area, app);
            EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', area, app);
        END LOOP;
    END IF;

    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit.audit_entries, dossiers.dossier_events FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON audit.audit_entries, dossiers.dossier_events TO %I', app);
END
$$;

CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % refused on %.%', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS audit_entries_append_only ON audit.audit_entries;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit.audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit.audit_entries;
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit.audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
