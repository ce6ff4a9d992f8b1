-- Exchange-scheduling runs, stored like pairing runs: metadata apart from the (possibly large) documents.
CREATE TABLE schedule_run (
    id                     UUID PRIMARY KEY,
    name                   TEXT                     NOT NULL,
    status                 TEXT                     NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at             TIMESTAMP WITH TIME ZONE,
    completed_at           TIMESTAMP WITH TIME ZONE,
    score                  TEXT,
    pair_count             INTEGER                  NOT NULL,
    event_count            INTEGER                  NOT NULL,
    solving_millis         BIGINT,
    move_evaluation_speed  BIGINT,
    failure_message        TEXT,
    pairing_run_id         UUID REFERENCES pairing_run (id),
    version                BIGINT                   NOT NULL
);

CREATE INDEX schedule_run_submitted_at ON schedule_run (submitted_at DESC);
CREATE INDEX schedule_run_status ON schedule_run (status);

-- The request as submitted and the best schedule so far (start date and expert of every event).
CREATE TABLE schedule_run_payload (
    run_id                 UUID PRIMARY KEY REFERENCES schedule_run (id) ON DELETE CASCADE,
    request_json           TEXT                     NOT NULL,
    best_solution_json     TEXT,
    version                BIGINT                   NOT NULL
);
