-- Pairing runs: one row per submitted problem, with its lifecycle and its input as submitted.
CREATE TABLE pairing_run (
    id               UUID PRIMARY KEY,
    name             TEXT                     NOT NULL,
    status           TEXT                     NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    completed_at     TIMESTAMP WITH TIME ZONE,
    score            TEXT,
    failure_message  TEXT,
    input_json       JSONB                    NOT NULL,
    best_solution_json JSONB,
    version          BIGINT                   NOT NULL DEFAULT 0
);

CREATE INDEX pairing_run_submitted_at ON pairing_run (submitted_at DESC);
