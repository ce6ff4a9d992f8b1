package eu.iucplanner.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider in the test's process: discovery, a JWKS with its own RSA key, an authorization endpoint
 * that logs in whoever the test names next, and a token endpoint that signs ID and access tokens. Like Keycloak it
 * puts the roles in {@code realm_access.roles}.
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT_ID = "iuc-planner";
    static final String CLIENT_SECRET = "test-client-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    private volatile Map<String, Object> nextLogin;

    private TestIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
    }

    static TestIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestIssuer issuer = new TestIssuer(server, newKey("test-key"));
            server.createContext("/realms/test", issuer::handle);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh RSA key; another one with the same key id signs tokens the service must refuse. */
    static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    RSAKey key() {
        return key;
    }

    /** Whom the next authorization request logs in. */
    void loginNext(String subject, String username, String name, List<String> roles) {
        nextLogin = claims(subject, username, name, roles);
    }

    /** An access token of this issuer for the service, valid for five minutes. */
    String accessToken(String subject, String username, List<String> roles) {
        return sign(key, builder(subject, username, null, roles).issuer(issuer).audience(CLIENT_ID)
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
    }

    /** A token whose every claim the test chooses, signed with the given key. */
    static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder builder(String subject, String username, String name, List<String> roles) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .jwtID(UUID.randomUUID().toString()).claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles));
        if (name != null) {
            builder.claim("name", name);
        }
        return builder;
    }

    private static Map<String, Object> claims(String subject, String username, String name, List<String> roles) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("preferred_username", username);
        claims.put("name", name);
        claims.put("roles", roles);
        return claims;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/realms/test".length());
        switch (path) {
            case "/.well-known/openid-configuration" -> json(exchange, 200, Map.of("issuer", issuer,
                    "authorization_endpoint", issuer + "/auth", "token_endpoint", issuer + "/token",
                    "jwks_uri", issuer + "/certs", "response_types_supported", List.of("code"),
                    "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "scopes_supported", List.of("openid", "profile"),
                    "token_endpoint_auth_methods_supported", List.of("client_secret_basic")));
            case "/certs" -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
            case "/auth" -> authorize(exchange);
            case "/token" -> token(exchange);
            default -> json(exchange, 404, Map.of("error", "not_found"));
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Map<String, Object> login = nextLogin;
        if (login == null || !CLIENT_ID.equals(query.get("client_id"))) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, Object> grant = new HashMap<>(login);
        grant.put("nonce", query.get("nonce"));
        grant.put("redirect_uri", query.get("redirect_uri"));
        codes.put(code, grant);
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    @SuppressWarnings("unchecked")
    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Object> grant = codes.remove(form.getOrDefault("code", ""));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || grant == null
                || !"authorization_code".equals(form.get("grant_type"))
                || !String.valueOf(grant.get("redirect_uri")).equals(form.get("redirect_uri"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String subject = (String) grant.get("sub");
        String username = (String) grant.get("preferred_username");
        List<String> roles = (List<String>) grant.get("roles");
        Date expiry = Date.from(Instant.now().plusSeconds(300));
        String idToken = sign(key, builder(subject, username, (String) grant.get("name"), roles).issuer(issuer)
                .audience(CLIENT_ID).claim("azp", CLIENT_ID).claim("nonce", grant.get("nonce"))
                .expirationTime(expiry).build());
        json(exchange, 200, Map.of("access_token", accessToken(subject, username, roles), "id_token", idToken,
                "token_type", "Bearer", "expires_in", 300, "scope", "openid"));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    URI base() {
        return URI.create(issuer);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
