package eu.iucplanner.web;

import java.util.List;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet container's error path as a problem detail: errors raised outside the controllers (by a filter, or a
 * status sent before a controller ran) get the same format as every other error, with no internal message.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String type = switch (status) {
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
            case PAYLOAD_TOO_LARGE -> ProblemTypes.TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is4xxClientError() ? ProblemTypes.MALFORMED : ProblemTypes.INTERNAL;
        };
        String detail = status.is5xxServerError() ? "The service failed to handle the request; nothing was stored."
                : "The request cannot be handled (" + status.getReasonPhrase() + ").";
        return ApiExceptionHandler.problem(status, type, status.getReasonPhrase(), detail, List.of());
    }
}
