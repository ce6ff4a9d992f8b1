package eu.iucplanner.identity.service;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Service;

import eu.iucplanner.audit.Audited;
import eu.iucplanner.identity.persistence.AuditEvent;
import eu.iucplanner.identity.persistence.AuditEventRepository;
import eu.iucplanner.run.service.RunEvent;

/**
 * The append-only audit log: who submitted, stopped, removed or exported which run, who logged in or failed to, who
 * created or revoked a token, who changed which user, who created, changed or removed a call and adopted or withdrew
 * its decision, and the retention's purges. A failure to write it is logged and
 * does not undo the action (the action is in the run table and the service log either way).
 */
@Service
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_TEXT = 500;

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(String actor, String action, String targetType, Object targetId, String detail) {
        try {
            events.save(new AuditEvent(null, clock.instant(), bounded(actor), action, targetType,
                    targetId == null ? null : bounded(targetId.toString()), bounded(detail)));
        } catch (RuntimeException e) {
            LOG.warn("Could not write the audit entry {} by {} on {} {}: {}", action, actor, targetType, targetId,
                    e.toString());
        }
    }

    public Page<AuditEvent> page(int page, int size, UUID targetId) {
        PageRequest request = PageRequest.of(page, size);
        return targetId == null ? events.findAllByOrderByAtDescIdDesc(request)
                : events.findByTargetIdOrderByAtDescIdDesc(targetId.toString(), request);
    }

    @EventListener
    void onRun(RunEvent event) {
        record(event.actor(), event.action(), "run", event.runId(), event.kind()
                + (event.parentRunId() == null ? "" : ", from " + event.parentRunId()));
    }

    @EventListener
    void onAudited(Audited event) {
        record(event.actor(), event.action(), event.targetType(), event.targetId(), event.detail());
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        record(event.getAuthentication().getName(), "LOGIN", "user", event.getAuthentication().getName(),
                event.getGeneratedBy().getSimpleName());
    }

    @EventListener
    void onFailedLogin(AbstractAuthenticationFailureEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        String name = principal == null ? null : principal.toString();
        if (name != null && name.startsWith("iuc_")) {
            name = "token " + name.substring(0, Math.min(8, name.length())) + "...";
        }
        record(name, "LOGIN_FAILED", "user", name, event.getException().getClass().getSimpleName());
    }

    /** User text for the log: bounded, control characters escaped. */
    static String bounded(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
            char c = text.charAt(i);
            out.append(Character.getType(c) == Character.CONTROL ? String.format("\\u%04x", (int) c) : c);
        }
        return out.toString();
    }
}
