package eu.iucplanner.run.persistence;

import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The runs' request and solution documents. */
public interface RunPayloadRepository extends ListCrudRepository<RunPayload, UUID> {

    /**
     * Replaces a run's best solution without reading or rewriting its (possibly large) request document.
     *
     * @return the number of rows changed: 1, or 0 when the run does not exist
     */
    @Modifying
    @Query("UPDATE run_payload SET best_solution_json = :json, version = version + 1 WHERE run_id = :runId")
    int updateBestSolution(@Param("runId") UUID runId, @Param("json") String json);
}
