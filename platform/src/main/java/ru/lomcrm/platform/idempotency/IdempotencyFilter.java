package ru.lomcrm.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.platform.web.ProblemResponses;

/**
 * {@code Idempotency-Key} on writes (POST, PATCH): the first answer to a key is kept for a day, per
 * caller; the same key with the same request gets that answer again (with {@code
 * Idempotency-Replayed: true}) instead of a second deal, task or delivery; the same key with another
 * request is refused (422); while the first is still being answered, a repeat is told to wait (409).
 * Only a success is kept: a refusal did nothing, and may not hold a moment later (a deal another
 * service has not heard of yet), so a repeat is judged again. The marker row is committed before
 * the request runs, so two concurrent repeats cannot both run.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofDays(1);
    /** A first request that never finished (its instance died) stops blocking its key after this. */
    static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final int MAX_BODY = 1 << 20;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanUp = new AtomicReference<>(Instant.EPOCH);

    public IdempotencyFilter(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Stored(String method, String path, byte[] bodySha256, Integer status, String contentType, String location,
                          String etag, byte[] body, Instant createdAt) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "PATCH".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            write(request, response, HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
                    "Заголовок Idempotency-Key: от 1 до 200 видимых латинских символов (например, UUID).");
            return;
        }
        String caller = caller();
        if (caller == null) {
            chain.doFilter(request, response); // refused as unauthenticated further on
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            write(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Запрос слишком большой.");
            return;
        }
        byte[] sha = sha256(body);
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Instant now = clock.instant();
        boolean claimed;
        Stored first = null;
        try {
            cleanUpNowAndThen(now);
            claimed = claim(caller, key, request.getMethod(), path, sha, now);
            first = claimed ? null : find(caller, key);
        } catch (org.springframework.dao.DataAccessException databaseAway) {
            // the key cannot be checked, so the write must not run: nothing done, the same request may come again
            log.warn("Idempotency key not checked, database unavailable: {}", databaseAway.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "База данных временно недоступна — ничего не сохранено. Повторите через несколько секунд.");
            return;
        }
        if (!claimed) {
            if (first == null) {
                write(request, response, HttpStatus.CONFLICT, "idempotency-key-busy",
                        "Такой же запрос только что выполнялся — повторите через секунду.");
                return;
            }
            if (!first.method().equals(request.getMethod()) || !first.path().equals(path) || !Arrays.equals(first.bodySha256(), sha)) {
                write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Этот Idempotency-Key уже был у другого запроса. Для нового запроса нужен новый ключ.");
                return;
            }
            if (first.status() == null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                write(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
                        "Такой же запрос ещё выполняется — повторите через секунду.");
                return;
            }
            replay(first, response);
            return;
        }

        var cached = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new RepeatableBody(request, body), cached);
            int status = cached.getStatus();
            if (status >= 200 && status < 300) {
                jdbc.update("""
                        UPDATE idempotent_request SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                        WHERE caller_id = ? AND idem_key = ?""",
                        status, cached.getContentType(), cached.getHeader(HttpHeaders.LOCATION), cached.getHeader(HttpHeaders.ETAG),
                        cached.getContentAsByteArray(), caller, key);
                kept = true;
            }
        } catch (org.springframework.dao.DataAccessException databaseAway) {
            // the write is done and answered; only its keeping failed: a repeat within ABANDONED waits, later runs again
            log.warn("Answer to idempotency key not kept: {}", databaseAway.getMessage());
            kept = true;
        } finally {
            if (!kept) {
                try {
                    jdbc.update("DELETE FROM idempotent_request WHERE caller_id = ? AND idem_key = ? AND status IS NULL", caller, key);
                } catch (org.springframework.dao.DataAccessException databaseAway) {
                    log.warn("Idempotency marker not removed (it expires): {}", databaseAway.getMessage());
                }
            }
            cached.copyBodyToResponse();
        }
    }

    /** Inserts the marker of a first request; false when the key is taken (a live one, or a finished one kept). */
    private boolean claim(String caller, String key, String method, String path, byte[] sha, Instant now) {
        // an expired answer, or a first request that died half-way, gives its key up
        jdbc.update("""
                DELETE FROM idempotent_request WHERE caller_id = ? AND idem_key = ?
                AND (created_at < ? OR (status IS NULL AND created_at < ?))""",
                caller, key, time(now.minus(KEPT)), time(now.minus(ABANDONED)));
        return jdbc.update("""
                INSERT INTO idempotent_request (caller_id, idem_key, method, path, body_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (caller_id, idem_key) DO NOTHING""", caller, key, method, path, sha, time(now)) == 1;
    }

    private Stored find(String caller, String key) {
        return jdbc.query("""
                SELECT method, path, body_sha256, status, content_type, location, etag, body, created_at FROM idempotent_request
                WHERE caller_id = ? AND idem_key = ?""", (rs, n) -> new Stored(rs.getString("method"), rs.getString("path"),
                rs.getBytes("body_sha256"), (Integer) rs.getObject("status"), rs.getString("content_type"), rs.getString("location"),
                rs.getString("etag"), rs.getBytes("body"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()),
                caller, key).stream().findFirst().orElse(null);
    }

    private static void replay(Stored first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        response.setHeader("Idempotency-Replayed", "true");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        if (first.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, first.etag());
        }
        byte[] body = first.body() == null ? new byte[0] : first.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Expired answers go at most once an hour, on the way of a request: no timer of its own. */
    private void cleanUpNowAndThen(Instant now) {
        Instant last = lastCleanUp.get();
        if (last.isBefore(now.minus(Duration.ofHours(1))) && lastCleanUp.compareAndSet(last, now)) {
            int removed = jdbc.update("DELETE FROM idempotent_request WHERE created_at < ?", time(now.minus(KEPT)));
            log.debug("Removed {} expired idempotent answers", removed);
        }
    }

    private static String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getName() == null || auth.getName().length() > 64 ? null : auth.getName();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemResponses.problem(status, code, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The request with its body already read (to hash it), readable again by the controller. */
    private static final class RepeatableBody extends HttpServletRequestWrapper {

        private final byte[] body;

        RepeatableBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
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
                    throw new UnsupportedOperationException("blocking body only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
