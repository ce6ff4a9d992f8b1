package eu.iucplanner.web;

import java.io.IOException;
import java.sql.SQLTransientException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A database outage met before a controller runs (loading the web session, checking a personal API token) answers
 * 503 with Retry-After like one met inside a controller ({@link ApiExceptionHandler}), not 500. It wraps the session
 * and security filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseAwayFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAwayFilter.class);

    private final ObjectMapper mapper;

    public DatabaseAwayFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether a failure comes from the database being away (down, restarting, unreachable). */
    public static boolean isDatabaseAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isDatabaseAway(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("The database is not available: {}", e.toString());
            write(mapper, response);
        }
    }

    /** The 503 problem detail of a database outage. */
    public static void write(ObjectMapper mapper, HttpServletResponse response) throws IOException {
        ProblemDetail body = (ProblemDetail) ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.UNAVAILABLE, "Service unavailable", "The database is not available right now; nothing "
                        + "was stored. Try again in a few seconds.", List.of()).getBody();
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), body);
    }
}
