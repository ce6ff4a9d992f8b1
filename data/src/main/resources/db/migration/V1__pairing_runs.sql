-- Pairing runs. Metadata and payload are separate aggregates, so that polling a run's metadata never reads the
-- (possibly large) input and solution documents.
CREATE TABLE pairing_run (
    id                     UUID PRIMARY KEY,
    name                   TEXT                     NOT NULL,
    status                 TEXT                     NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at             TIMESTAMP WITH TIME ZONE,
    completed_at           TIMESTAMP WITH TIME ZONE,
    score                  TEXT,
    applicant_count        INTEGER                  NOT NULL,
    eligible_count         INTEGER                  NOT NULL,
    pair_count             INTEGER,
    solving_millis         BIGINT,
    move_evaluation_speed  BIGINT,
    failure_message        TEXT,
    parent_run_id          UUID REFERENCES pairing_run (id),
    version                BIGINT                   NOT NULL
);

CREATE INDEX pairing_run_submitted_at ON pairing_run (submitted_at DESC);
CREATE INDEX pairing_run_status ON pairing_run (status);

-- The request as submitted (normalized JSON), the initial assignment of a rerun, and the best assignment so far.
CREATE TABLE pairing_run_payload (
    run_id                 UUID PRIMARY KEY REFERENCES pairing_run (id) ON DELETE CASCADE,
    request_json           TEXT                     NOT NULL,
    initial_solution_json  TEXT,
    best_solution_json     TEXT,
    version                BIGINT                   NOT NULL
);
