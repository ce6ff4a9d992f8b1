package eu.iucplanner.identity.persistence;

import java.time.Instant;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Failed logins per user name, shared by every replica (login throttling). */
public interface LoginAttemptRepository extends Repository<LoginAttempt, String> {

    /**
     * Counts one failure: a window older than {@code windowStart} starts again at 1; reaching {@code limit} locks
     * the name until {@code lockUntil}.
     */
    @Modifying
    @Query("INSERT INTO login_attempt (username, failures, first_failure, locked_until) VALUES (:username, 1, :now, "
            + "CASE WHEN 1 >= :limit THEN CAST(:lockUntil AS TIMESTAMPTZ) END) "
            + "ON CONFLICT (username) DO UPDATE SET "
            + "failures = CASE WHEN login_attempt.first_failure < :windowStart THEN 1 "
            + "ELSE login_attempt.failures + 1 END, "
            + "first_failure = CASE WHEN login_attempt.first_failure < :windowStart THEN :now "
            + "ELSE login_attempt.first_failure END, "
            + "locked_until = CASE WHEN (CASE WHEN login_attempt.first_failure < :windowStart THEN 1 "
            + "ELSE login_attempt.failures + 1 END) >= :limit THEN CAST(:lockUntil AS TIMESTAMPTZ) "
            + "ELSE login_attempt.locked_until END")
    int recordFailure(@Param("username") String username, @Param("now") Instant now,
            @Param("windowStart") Instant windowStart, @Param("limit") int limit,
            @Param("lockUntil") Instant lockUntil);

    @Query("SELECT locked_until FROM login_attempt WHERE username = :username AND locked_until > :now")
    Instant lockedUntil(@Param("username") String username, @Param("now") Instant now);

    @Modifying
    @Query("DELETE FROM login_attempt WHERE username = :username")
    int clear(@Param("username") String username);
}
