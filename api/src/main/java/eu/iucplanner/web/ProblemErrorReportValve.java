package eu.iucplanner.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error pages (a request refused before it reaches the application, e.g. {@code %00} or an encoded
 * {@code /} in a path) as RFC 9457 problem details instead of HTML. The detail is generic: nothing internal is shown.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error" : status.getReasonPhrase();
        String type = code == 404 ? ProblemTypes.NOT_FOUND : code == 405 ? ProblemTypes.METHOD_NOT_ALLOWED
                : code == 413 ? ProblemTypes.TOO_LARGE : code < 500 ? ProblemTypes.MALFORMED : ProblemTypes.INTERNAL;
        String detail = code < 500 ? "The request cannot be read (" + title + ")."
                : "The service failed to handle the request; nothing was stored.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ProblemTypes.of(type) + "\",\"title\":\"" + title + "\",\"status\":"
                        + code + ",\"detail\":\"" + detail + "\",\"errors\":[],\"errorCount\":0}");
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; nothing more to say.
        }
    }
}
