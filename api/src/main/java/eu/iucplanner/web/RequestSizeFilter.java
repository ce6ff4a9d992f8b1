package eu.iucplanner.web;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies above {@code iuc.max-request-bytes} (by their declared length) with a 413 problem detail
 * before anything reads them, so a huge upload cannot exhaust the memory. Pools above the applicant limit are refused
 * later, with the same status, by the validator.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper mapper;

    public RequestSizeFilter(@Value("${iuc.max-request-bytes:52428800}") long maxBytes, ObjectMapper mapper) {
        this.maxBytes = maxBytes;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body has " + length + " bytes; this service accepts at most " + maxBytes
                            + " (iuc.max-request-bytes).");
            problem.setType(ProblemTypes.of(ProblemTypes.TOO_LARGE));
            problem.setTitle("Request too large");
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            problem.setProperty("errors", List.of(new FieldErrorView("$", "has " + length + " bytes, more than "
                    + maxBytes)));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
