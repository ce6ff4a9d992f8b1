-- Identity and access: local accounts (or accounts provisioned from the organisation's OpenID Connect provider),
-- personal API tokens (only their SHA-256 is stored), an append-only audit log, login throttling state and the HTTP
-- sessions (Spring Session JDBC) that every replica shares; runs record who submitted them and whether they are an
-- analyst's what-if (which schedules do not build on by default).

CREATE TABLE app_user (
    id                   UUID PRIMARY KEY,
    username             TEXT                     NOT NULL UNIQUE,
    display_name         TEXT,
    password_hash        TEXT,
    roles                TEXT                     NOT NULL,
    enabled              BOOLEAN                  NOT NULL,
    source               TEXT                     NOT NULL,
    oidc_issuer          TEXT,
    oidc_subject         TEXT,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at  TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE api_token (
    id            UUID PRIMARY KEY,
    user_id       UUID                     NOT NULL REFERENCES app_user (id),
    name          TEXT                     NOT NULL,
    token_hash    TEXT                     NOT NULL UNIQUE,
    prefix        TEXT                     NOT NULL,
    roles         TEXT                     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    version       BIGINT                   NOT NULL
);

CREATE INDEX api_token_user ON api_token (user_id);

-- Who did what to which run or user, and when. Rows are never changed; only the audit retention removes old ones
-- (it sets iuc.audit_purge for its transaction).
CREATE TABLE audit_event (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        TEXT,
    action       TEXT                     NOT NULL,
    target_type  TEXT,
    target_id    TEXT,
    detail       TEXT
);

CREATE INDEX audit_event_at ON audit_event (at DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('iuc.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Failed logins per user name, shared by every replica.
CREATE TABLE login_attempt (
    username      TEXT PRIMARY KEY,
    failures      INTEGER                  NOT NULL,
    first_failure TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);

ALTER TABLE run ADD COLUMN submitted_by TEXT;
ALTER TABLE run ADD COLUMN analysis BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX run_submitted_by ON run (submitted_by, submitted_at);

-- Spring Session JDBC (its schema-postgresql.sql).
CREATE TABLE spring_session (
    primary_id             CHAR(36)     NOT NULL,
    session_id             CHAR(36)     NOT NULL,
    creation_time          BIGINT       NOT NULL,
    last_access_time       BIGINT       NOT NULL,
    max_inactive_interval  INT          NOT NULL,
    expiry_time            BIGINT       NOT NULL,
    principal_name         VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id  CHAR(36)     NOT NULL,
    attribute_name      VARCHAR(200) NOT NULL,
    attribute_bytes     BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);
