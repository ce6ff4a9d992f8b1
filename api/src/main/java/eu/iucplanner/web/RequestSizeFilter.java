package eu.iucplanner.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

import eu.iucplanner.problem.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies above {@code iuc.max-request-bytes} with a 413 problem detail: by their declared
 * {@code Content-Length} before anything reads them, and, for bodies without one (chunked), by counting the bytes as
 * they are read, so a huge upload cannot exhaust the memory either way. Pools above the applicant limit are refused
 * later, with the same status, by the validator.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long timeoutNanos;
    private final ObjectMapper mapper;

    public RequestSizeFilter(@Value("${iuc.max-request-bytes:52428800}") long maxBytes,
            @Value("${iuc.request-body-timeout:PT30S}") java.time.Duration timeout, ObjectMapper mapper) {
        this.maxBytes = maxBytes;
        this.timeoutNanos = timeout.toNanos();
        this.mapper = mapper;
    }

    /** A body that took longer than {@code iuc.request-body-timeout} to arrive (a slow or stalled client). */
    public static final class BodyTooSlowException extends IOException {
        BodyTooSlowException(long seconds) {
            super("The request body took longer than " + seconds + " s to arrive (iuc.request-body-timeout).");
        }
    }

    /** A body that went past the limit while it was read. */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("The request body has more than " + limit + " bytes; this service accepts at most " + limit
                    + " (iuc.max-request-bytes).");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
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
            problem.setProperty("errors", List.of(new FieldError("$", "has " + length + " bytes, more than "
                    + maxBytes)));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(length == 0 ? request : new Limited(request, maxBytes, timeoutNanos), response);
    }

    /**
     * A request whose body stream fails once more than the limit was read, or once reading it has taken longer than
     * the timeout (counted from the first read).
     */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private final long timeoutNanos;
        private ServletInputStream stream;
        private BufferedReader reader;

        Limited(HttpServletRequest request, long limit, long timeoutNanos) {
            super(request);
            this.limit = limit;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, timeoutNanos);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private final long timeoutNanos;
        private final long startedNanos = System.nanoTime();
        private long count;

        CountingStream(ServletInputStream delegate, long limit, long timeoutNanos) {
            this.delegate = delegate;
            this.limit = limit;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
            if (System.nanoTime() - startedNanos > timeoutNanos) {
                throw new BodyTooSlowException(java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
