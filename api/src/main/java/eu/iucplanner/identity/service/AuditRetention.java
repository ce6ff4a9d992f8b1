package eu.iucplanner.identity.service;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.iucplanner.identity.persistence.AuditEventRepository;

/**
 * Keeps audit entries no longer than {@code iuc.security.audit-retention}. The audit table refuses deletes except in
 * a transaction that allows them first; this is the only such transaction. The removal itself is audited.
 */
@Component
public class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditEventRepository events;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    public AuditRetention(AuditEventRepository events, AuditLog audit, TransactionTemplate transactions,
            IdentityProperties properties, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${iuc.runs.retention-first-check:PT1M}",
            fixedDelayString = "${iuc.runs.retention-check-interval:PT6H}")
    public void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("The audit retention could not finish; it tries again at its next check: {}", e.toString());
        }
    }

    /** Removes the entries older than the retention now; returns how many. */
    public int purge() {
        Instant before = clock.instant().minus(properties.auditRetention());
        Integer removed = transactions.execute(tx -> {
            events.allowPurge();
            return events.deleteOlderThan(before);
        });
        int count = removed == null ? 0 : removed;
        if (count > 0) {
            LOG.info("Audit retention removed {} entries from before {}", count, before);
            audit.record(null, "AUDIT_RETENTION_PURGE", "audit-log", null,
                    count + " entries from before " + before);
        }
        return count;
    }
}
