package eu.iucplanner.scheduling.persistence;

import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Scheduling runs' request and best schedule. */
public interface ScheduleRunPayloadRepository extends ListCrudRepository<ScheduleRunPayload, UUID> {

    /** Replaces the best schedule without rewriting the request; 1 row changed, or 0 for an unknown run. */
    @Modifying
    @Query("UPDATE schedule_run_payload SET best_solution_json = :json, version = version + 1 WHERE run_id = :runId")
    int updateBestSolution(@Param("runId") UUID runId, @Param("json") String json);
}
