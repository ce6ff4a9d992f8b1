-- Calls as a resource: a call's rules stored once, the pairing runs made under it, and the one run the coordination
-- unit adopted as the call's decision (who and when; the audit log has every adoption and withdrawal).
--
-- Rolling upgrades: only new tables and a new nullable column, so the previous version runs on this schema (it leaves
-- run.call_id empty and knows no holds; its purge of an adopted run is refused by the foreign key).

CREATE TABLE pairing_call (
    id               UUID PRIMARY KEY,
    name             TEXT                     NOT NULL,
    description      TEXT,
    rules_json       TEXT                     NOT NULL,
    created_by       TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_run_id  UUID REFERENCES run (id),
    decided_by       TEXT,
    decided_at       TIMESTAMP WITH TIME ZONE,
    version          BIGINT                   NOT NULL
);

CREATE INDEX pairing_call_created_at ON pairing_call (created_at DESC);

ALTER TABLE run ADD COLUMN call_id UUID REFERENCES pairing_call (id);
CREATE INDEX run_call_id ON run (call_id, submitted_at DESC);

-- A run that something outside the run lifecycle keeps (a call's adopted decision, holder 'call:<id>'): neither a
-- purge nor the retention removes it, and the retention keeps the runs built on it (its schedules) too.
CREATE TABLE run_hold (
    run_id  UUID NOT NULL REFERENCES run (id),
    holder  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (run_id, holder)
);

CREATE INDEX run_hold_holder ON run_hold (holder);
