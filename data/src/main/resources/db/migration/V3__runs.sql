-- One run table for every kind of run (pairing, schedule, and any later kind), replacing pairing_run and
-- schedule_run. Why one table: a single queue in submission order and one solver budget across kinds (a worker claims
-- the oldest scheduled run whatever its kind), lineage across kinds (a schedule's pairing run, a rerun's parent) with
-- foreign keys that a purge respects, and one place for the lifecycle's conditional updates. What differs per kind
-- (its counts) is a small JSON object. Metadata and payload stay apart, so polling never reads the documents.
CREATE TABLE run (
    id                     UUID PRIMARY KEY,
    kind                   TEXT                     NOT NULL,
    name                   TEXT                     NOT NULL,
    status                 TEXT                     NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at             TIMESTAMP WITH TIME ZONE,
    completed_at           TIMESTAMP WITH TIME ZONE,
    score                  TEXT,
    feasible               BOOLEAN,
    solving_millis         BIGINT,
    move_evaluation_speed  BIGINT,
    failure_message        TEXT,
    parent_run_id          UUID REFERENCES run (id),
    source_run_id          UUID REFERENCES run (id),
    summary_json           TEXT                     NOT NULL DEFAULT '{}',
    stop_requested         BOOLEAN                  NOT NULL DEFAULT FALSE,
    version                BIGINT                   NOT NULL
);

CREATE INDEX run_kind_submitted_at ON run (kind, submitted_at DESC);
CREATE INDEX run_status_submitted_at ON run (status, submitted_at);
CREATE INDEX run_parent_run_id ON run (parent_run_id);
CREATE INDEX run_source_run_id ON run (source_run_id);

-- The request as submitted (JSON), the starting solution of a rerun, and the best solution so far.
CREATE TABLE run_payload (
    run_id                 UUID PRIMARY KEY REFERENCES run (id) ON DELETE CASCADE,
    request_json           TEXT   NOT NULL,
    initial_solution_json  TEXT,
    best_solution_json     TEXT,
    version                BIGINT NOT NULL
);

INSERT INTO run (id, kind, name, status, submitted_at, started_at, completed_at, score, feasible, solving_millis,
                 move_evaluation_speed, failure_message, parent_run_id, source_run_id, summary_json, version)
SELECT id, 'pairing', name, status, submitted_at, started_at, completed_at, score,
       CASE WHEN score IS NULL THEN NULL ELSE score LIKE '0hard%' END, solving_millis, move_evaluation_speed,
       failure_message, parent_run_id, NULL,
       json_strip_nulls(json_build_object('applicantCount', applicant_count, 'eligibleCount', eligible_count,
                                          'pairCount', pair_count))::text,
       version
FROM pairing_run;

INSERT INTO run (id, kind, name, status, submitted_at, started_at, completed_at, score, feasible, solving_millis,
                 move_evaluation_speed, failure_message, parent_run_id, source_run_id, summary_json, version)
SELECT id, 'schedule', name, status, submitted_at, started_at, completed_at, score,
       CASE WHEN score IS NULL THEN NULL ELSE score LIKE '0hard%' END, solving_millis, move_evaluation_speed,
       failure_message, NULL, pairing_run_id,
       json_build_object('pairCount', pair_count, 'eventCount', event_count)::text, version
FROM schedule_run;

INSERT INTO run_payload (run_id, request_json, initial_solution_json, best_solution_json, version)
SELECT run_id, request_json, initial_solution_json, best_solution_json, version FROM pairing_run_payload;

INSERT INTO run_payload (run_id, request_json, initial_solution_json, best_solution_json, version)
SELECT run_id, request_json, NULL, best_solution_json, version FROM schedule_run_payload;

DROP TABLE schedule_run_payload;
DROP TABLE schedule_run;
DROP TABLE pairing_run_payload;
DROP TABLE pairing_run;
