-- What a finished run shows (its result, its score by constraint), stored once it is computed: a finished run's best
-- solution never changes, and computing these views again on every read took seconds on a 5,000-applicant pool.
-- A view is stored per shape of the code that made it (format), so a replica of another version computes its own.
--
-- Rolling upgrades: a new table only; the previous version does not know it and computes its views on every read.

CREATE TABLE run_view (
    run_id      UUID                     NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    view        TEXT                     NOT NULL,
    format      TEXT                     NOT NULL,
    body        TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, view, format)
);
