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
 * Request bodies: refused above {@code iuc.max-request-bytes} with a 413 problem detail (by their declared
 * {@code Content-Length} before anything reads them, and for chunked bodies by counting the bytes as they arrive), cut
 * off with a 408 when they take longer than {@code iuc.request-body-timeout} to arrive, and read without holding a
 * request thread: the body of a request with credentials is collected with non-blocking reads (Servlet async I/O) and
 * the application runs once it is complete, so clients that send their bodies slowly (a poor line, or an attack) cannot
 * take every thread. Requests without credentials are answered at once (401) without reading their body. While more
 * than {@code iuc.max-buffered-request-bytes} are being collected at once, new uploads answer 503 with Retry-After.
 * Pools above the applicant limit are refused later, with the same 413, by the validator.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RequestSizeFilter.class);

    private final long maxBytes;
    private final long timeoutNanos;
    private final long maxBufferedBytes;
    private final ObjectMapper mapper;
    private final java.util.concurrent.atomic.AtomicLong buffered = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "request-body-timeout");
                thread.setDaemon(true);
                return thread;
            });

    public RequestSizeFilter(@Value("${iuc.max-request-bytes:52428800}") long maxBytes,
            @Value("${iuc.request-body-timeout:PT30S}") java.time.Duration timeout,
            @Value("${iuc.max-buffered-request-bytes:536870912}") long maxBufferedBytes, ObjectMapper mapper) {
        this.maxBytes = maxBytes;
        this.timeoutNanos = timeout.toNanos();
        this.maxBufferedBytes = maxBufferedBytes;
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

    /** The collected body, handed from the reading phase to the dispatch that runs the application. */
    private static final String BODY = RequestSizeFilter.class.getName() + ".body";

    /** The dispatch after a body was collected must pass here (to hand the body on). */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object collected = request.getAttribute(BODY);
        if (collected instanceof byte[] body) {
            // The body arrived: the rest of the chain (security, the application) runs as for a plain request.
            request.removeAttribute(BODY);
            try {
                chain.doFilter(new Buffered(request, body), response);
            } finally {
                buffered.addAndGet(-body.length);
            }
            return;
        }
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
            chain.doFilter(request, response);
            return;
        }
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
        if (length == 0) {
            chain.doFilter(request, response);
            return;
        }
        if (!hasBody(request, length) || !request.isAsyncSupported() || !hasCredentials(request)
                || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            chain.doFilter(new Limited(request, maxBytes, timeoutNanos), response);
            return;
        }
        jakarta.servlet.AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        BodyReader reader = new BodyReader(request, response, async, length);
        request.getInputStream().setReadListener(reader);
    }

    private static boolean hasBody(HttpServletRequest request, long length) {
        return length > 0 || (length < 0 && request.getHeader("Transfer-Encoding") != null);
    }

    /** Credentials the security filters will check; without them the answer is 401 and the body is never read. */
    private static boolean hasCredentials(HttpServletRequest request) {
        if (request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie cookie : cookies) {
                if ("SESSION".equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Collects a body with non-blocking reads, then dispatches the request again, and that dispatch runs the rest of
     * the filter chain (security, the application) with the body (a container thread is taken only then). A body past
     * the limit answers 413, one that does not arrive in time 408, each as a problem detail, with the connection
     * closed.
     */
    private final class BodyReader implements ReadListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final jakarta.servlet.AsyncContext async;
        private final java.io.ByteArrayOutputStream body;
        private final java.util.concurrent.atomic.AtomicBoolean done =
                new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.ScheduledFuture<?> timeout;
        private final byte[] chunk = new byte[16_384];
        private long reserved;

        BodyReader(HttpServletRequest request, HttpServletResponse response, jakarta.servlet.AsyncContext async,
                long length) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.body = new java.io.ByteArrayOutputStream((int) Math.min(Math.max(length, 1024), 1 << 20));
            this.timeout = timer.schedule(this::timedOut, timeoutNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        @Override
        public void onDataAvailable() throws IOException {
            ServletInputStream in = request.getInputStream();
            while (!done.get() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return;
                }
                if (body.size() + (long) n > maxBytes) {
                    answer(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.TOO_LARGE, "Request too large",
                            new BodyTooLargeException(maxBytes).getMessage(), "has more than " + maxBytes + " bytes");
                    return;
                }
                if (buffered.addAndGet(n) > maxBufferedBytes) {
                    buffered.addAndGet(-n);
                    response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
                    answer(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Service unavailable",
                            "Too many uploads arrive at once; nothing was stored. Try again in a few seconds.",
                            "arrived while too many others did");
                    return;
                }
                reserved += n;
                body.write(chunk, 0, n);
            }
        }

        @Override
        public void onAllDataRead() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel(false);
            byte[] collected = body.toByteArray();
            reserved = 0; // released by the dispatch, once the application has the body
            request.setAttribute(BODY, collected);
            try {
                async.dispatch();
            } catch (IllegalStateException clientGone) {
                buffered.addAndGet(-collected.length);
                LOG.debug("Could not hand on a request body: {}", clientGone.toString());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (done.compareAndSet(false, true)) {
                timeout.cancel(false);
                release();
                LOG.debug("A request body could not be read: {}", error.toString());
                completeQuietly();
            }
        }

        private void timedOut() {
            answer(HttpStatus.REQUEST_TIMEOUT, ProblemTypes.MALFORMED, "Request body too slow",
                    new BodyTooSlowException(java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(timeoutNanos))
                            .getMessage(), "did not arrive in time");
        }

        /** Answers before the body is complete: the rest is not read and the connection closes. */
        private void answer(HttpStatus status, String type, String title, String detail, String field) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel(false);
            release();
            try {
                response.setHeader("Connection", "close");
                write(status, type, title, detail, field);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not answer {}: {}", status.value(), e.toString());
            } finally {
                completeQuietly();
            }
        }

        private void write(HttpStatus status, String type, String title, String detail, String field)
                throws IOException {
            ProblemDetail problem = (ProblemDetail) ApiExceptionHandler.problem(status, type, title, detail,
                    field == null ? List.of() : List.of(new FieldError("$", field))).getBody();
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), problem);
        }

        private void release() {
            buffered.addAndGet(-reserved);
            reserved = 0;
        }

        private void completeQuietly() {
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the container completed it (the client went away)
            }
        }
    }

    /** The request with its body collected: read from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private BufferedReader reader;
        private ServletInputStream stream;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
                stream = new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        return in.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new IllegalStateException("The body was read already");
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        /** For the filters after this one it is the request, not a later dispatch of it. */
        @Override
        public jakarta.servlet.DispatcherType getDispatcherType() {
            return jakarta.servlet.DispatcherType.REQUEST;
        }
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
