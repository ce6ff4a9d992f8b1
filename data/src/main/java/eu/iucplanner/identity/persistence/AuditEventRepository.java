package eu.iucplanner.identity.persistence;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

/** The audit log: appended to, read newest first, and only ever shortened by its retention. */
public interface AuditEventRepository extends CrudRepository<AuditEvent, Long> {

    Page<AuditEvent> findAllByOrderByAtDescIdDesc(Pageable pageable);

    Page<AuditEvent> findByTargetIdOrderByAtDescIdDesc(String targetId, Pageable pageable);

    /** Allows the retention's delete in the current transaction (the table refuses deletes otherwise). */
    @Query("SELECT set_config('iuc.audit_purge', 'on', true)")
    String allowPurge();

    @Modifying
    @Query("DELETE FROM audit_event WHERE at < :before")
    int deleteOlderThan(@Param("before") Instant before);
}
