package eu.iucplanner.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls the service as one kind of client: nobody, a bearer token (a script), or a browser's cookie session after the
 * form login, which echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on changes as the page does.
 */
final class Caller {

    private final String base;
    private final String authorization;
    private final CookieManager cookies;
    private final HttpClient client;
    private final String description;

    private Caller(String base, String authorization, CookieManager cookies, String description) {
        this.base = base;
        this.authorization = authorization;
        this.cookies = cookies;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        this.client = builder.build();
        this.description = description;
    }

    static Caller anonymous(String base) {
        return new Caller(base, null, null, "nobody");
    }

    static Caller bearer(String base, String token, String description) {
        return new Caller(base, "Bearer " + token, null, description);
    }

    static Caller basic(String base, String user, String password) {
        return new Caller(base, eu.iucplanner.TestCredentials.basic(user, password), null, user + " (basic)");
    }

    /** A browser that logged in with the form; fails unless the login succeeded. */
    static Caller session(String base, String user, String password) {
        Caller caller = browser(base, user + " (session)");
        HttpResponse<String> login = caller.login(user, password);
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: " + login.statusCode() + " "
                    + login.headers().map());
        }
        return caller;
    }

    /** The same credentials and cookies against another port of the same host (the management port). */
    Caller onPort(int port) {
        String other = base.replaceFirst(":\\d+$", ":" + port);
        return new Caller(other, authorization, cookies, description);
    }

    /** A browser that has not logged in (yet). */
    static Caller browser(String base, String description) {
        return new Caller(base, null, new CookieManager(null, CookiePolicy.ACCEPT_ALL), description);
    }

    /** Opens the login page (for its CSRF cookie) and posts the form. */
    HttpResponse<String> login(String user, String password) {
        send("GET", "/login.html", null, null, "text/html");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/login", "application/x-www-form-urlencoded", form, null);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, null);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body, String accept) {
        return send(method, path, contentType, body, accept, true);
    }

    /** @param withCsrf whether a cookie session echoes its CSRF token (the page always does) */
    HttpResponse<String> send(String method, String path, String contentType, String body, String accept,
            boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", accept == null ? "application/json, application/problem+json, */*" : accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (withCsrf && !method.equals("GET")) {
            csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of a full URL (a redirect's target), with this caller's cookies. */
    HttpResponse<String> getUrl(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of a cookie session, as the page reads it from its cookie. */
    Optional<String> csrfToken() {
        if (cookies == null) {
            return Optional.empty();
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst();
    }

    Optional<String> cookie(String name) {
        if (cookies == null) {
            return Optional.empty();
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    @Override
    public String toString() {
        return description;
    }
}
