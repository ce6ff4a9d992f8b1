package eu.iucplanner.run.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * Runs' metadata. A stored run changes only through the conditional updates below, each of which names the status it
 * expects and answers how many rows it changed (1, or 0 when the run has moved on): a user's stop, the solver's
 * writes and another replica's claim can race without overwriting each other. A replica's writes of a solving run
 * also name its claim token (fencing). Callers run them in a transaction.
 */
public interface RunRepository extends ListCrudRepository<Run, UUID> {

    Page<Run> findByKindOrderBySubmittedAtDesc(String kind, Pageable pageable);

    Page<Run> findByKindAndStatusInOrderBySubmittedAtDesc(String kind, Collection<RunStatus> statuses,
            Pageable pageable);

    Optional<Run> findByIdAndKind(UUID id, String kind);

    List<Run> findByStatusOrderBySubmittedAtAsc(RunStatus status);

    /**
     * Claims a run for a replica: SCHEDULED (or SOLVING on a replica that died) to SOLVING with a new claim token. A
     * run that had started before (its replica died, or handed it back at a graceful stop) counts one more resume.
     */
    @Modifying
    @Query("UPDATE run SET status = 'SOLVING', claim = :claim, claimed_by = :replica, "
            + "resume_count = resume_count + CASE WHEN started_at IS NULL THEN 0 ELSE 1 END, "
            + "started_at = COALESCE(started_at, :now), version = version + 1 "
            + "WHERE id = :id AND status IN ('SCHEDULED', 'SOLVING')")
    int claim(@Param("id") UUID id, @Param("claim") UUID claim, @Param("replica") String replica,
            @Param("now") Instant now);

    /**
     * SOLVING back to SCHEDULED under its claim: a replica that stops gracefully hands its runs back to the queue
     * (their best solution stays stored), and another replica (or this one after its restart) takes them up again.
     */
    @Modifying
    @Query("UPDATE run SET status = 'SCHEDULED', claim = NULL, version = version + 1 "
            + "WHERE id = :id AND status = 'SOLVING' AND claim = :claim")
    int handBack(@Param("id") UUID id, @Param("claim") UUID claim);

    /** SCHEDULED to TERMINATED: stopped before a solver took it. */
    @Modifying
    @Query("UPDATE run SET status = 'TERMINATED', completed_at = :now, failure_message = :message, "
            + "version = version + 1 WHERE id = :id AND status = 'SCHEDULED'")
    int terminateScheduled(@Param("id") UUID id, @Param("now") Instant now, @Param("message") String message);

    /** Marks a solving run to stop; the replica that solves it ends it TERMINATED with its best solution. */
    @Modifying
    @Query("UPDATE run SET stop_requested = TRUE, version = version + 1 WHERE id = :id AND status = 'SOLVING'")
    int requestStop(@Param("id") UUID id);

    /** A solving run's new best score and counts, under the claim of the replica that solves it. */
    @Modifying
    @Query("UPDATE run SET score = :score, feasible = :feasible, summary_json = :summary, version = version + 1 "
            + "WHERE id = :id AND status = 'SOLVING' AND claim = :claim")
    int updateBest(@Param("id") UUID id, @Param("claim") UUID claim, @Param("score") String score,
            @Param("feasible") Boolean feasible, @Param("summary") String summaryJson);

    /**
     * SOLVING to a final status, under the claim of the replica that solves it. A {@code null} score keeps the stored
     * one (a run that failed before any best solution, or whose best was written already).
     */
    @Modifying
    @Query("UPDATE run SET status = :status, completed_at = :now, score = COALESCE(:score, score), "
            + "feasible = COALESCE(:feasible, feasible), summary_json = COALESCE(:summary, summary_json), "
            + "solving_millis = :millis, move_evaluation_speed = :speed, failure_message = :message, "
            + "version = version + 1 WHERE id = :id AND status = 'SOLVING' AND claim = :claim")
    int end(@Param("id") UUID id, @Param("claim") UUID claim, @Param("status") String status,
            @Param("now") Instant now,
            @Param("score") String score, @Param("feasible") Boolean feasible, @Param("summary") String summaryJson,
            @Param("millis") Long solvingMillis, @Param("speed") Long moveEvaluationSpeed,
            @Param("message") String message);

    /** How many runs a user submitted since a moment (rate limits). */
    @Query("SELECT COUNT(*) FROM run WHERE submitted_by = :user AND submitted_at > :since")
    long countSubmittedSince(@Param("user") String user, @Param("since") Instant since);

    /** How many of a user's runs wait or solve (the cap of runs in flight per user). */
    @Query("SELECT COUNT(*) FROM run WHERE submitted_by = :user AND status IN ('SCHEDULED', 'SOLVING')")
    long countInFlight(@Param("user") String user);

    /**
     * Finished runs submitted before a moment that nothing newer was built from (retention), oldest first; a held run
     * (see {@link #holdReasons}) and the runs built on it (a schedule of a call's adopted run) are kept.
     */
    @Query("SELECT id FROM run r WHERE r.submitted_at < :before AND r.status NOT IN ('SCHEDULED', 'SOLVING') "
            + "AND NOT EXISTS (SELECT 1 FROM run d WHERE d.parent_run_id = r.id OR d.source_run_id = r.id) "
            + "AND NOT EXISTS (SELECT 1 FROM run_hold h WHERE h.run_id = r.id OR h.run_id = r.source_run_id) "
            + "ORDER BY r.submitted_at LIMIT 500")
    List<UUID> findPurgeableBefore(@Param("before") Instant before);

    /** Whether a rerun, re-plan, duplicate or schedule was built from this run. */
    @Query("SELECT EXISTS (SELECT 1 FROM run WHERE parent_run_id = :id OR source_run_id = :id)")
    boolean hasDerivedRuns(@Param("id") UUID id);

    /** The runs made under a call, newest first. */
    List<Run> findTop500ByCallIdOrderBySubmittedAtDesc(UUID callId);

    long countByCallId(UUID callId);

    /** Why a run is held (a sentence per holder): empty when nothing holds it. */
    @Query("SELECT reason FROM run_hold WHERE run_id = :id ORDER BY holder")
    List<String> holdReasons(@Param("id") UUID id);

    /** Holds a run for a holder (e.g. {@code call:<id>}), replacing the holder's reason if it held it already. */
    @Modifying
    @Query("INSERT INTO run_hold (run_id, holder, reason) VALUES (:id, :holder, :reason) "
            + "ON CONFLICT (run_id, holder) DO UPDATE SET reason = :reason")
    int hold(@Param("id") UUID id, @Param("holder") String holder, @Param("reason") String reason);

    /** Releases every run a holder holds. */
    @Modifying
    @Query("DELETE FROM run_hold WHERE holder = :holder")
    int release(@Param("holder") String holder);

    /** Removes a finished run and (by cascade) its payload; 0 when it is not finished or does not exist. */
    @Modifying
    @Query("DELETE FROM run WHERE id = :id AND status NOT IN ('SCHEDULED', 'SOLVING')")
    int purgeFinished(@Param("id") UUID id);
}
