-- Several replicas on one database: runs are claimed and executed through db-scheduler (its table below, from its
-- PostgreSQL schema), which keeps a heartbeat per execution and revives the executions of a replica that died. Every
-- claim of a run gets a new token (claim); a replica writes a run's solution only while the run carries its token
-- (fencing), so one that lost its claim can never overwrite the new owner's state. resume_count counts how often a run
-- was taken up again after its replica died or handed it back at a graceful stop.
--
-- Rolling upgrades: migrations only add (new tables, new columns with defaults), so the previous version runs on the
-- new schema; stored documents carry a format version that both read.

CREATE TABLE scheduled_tasks (
    task_name             TEXT                     NOT NULL,
    task_instance         TEXT                     NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    picked                BOOLEAN                  NOT NULL,
    picked_by             TEXT,
    last_success          TIMESTAMP WITH TIME ZONE,
    last_failure          TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INT,
    last_heartbeat        TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

ALTER TABLE run ADD COLUMN claim UUID;
ALTER TABLE run ADD COLUMN claimed_by TEXT;
ALTER TABLE run ADD COLUMN resume_count INT NOT NULL DEFAULT 0;

ALTER TABLE run_payload ADD COLUMN format_version INT NOT NULL DEFAULT 1;

-- Runs waiting or solving when this version is first started join the job runner's queue in submission order; a run
-- left SOLVING by the previous version is taken up again from its stored best solution.
INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
SELECT 'solve-run', id::text, submitted_at, FALSE, 1 FROM run WHERE status IN ('SCHEDULED', 'SOLVING');
