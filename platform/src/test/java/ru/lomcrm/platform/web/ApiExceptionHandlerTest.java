package ru.lomcrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aDatabaseThatIsAwayIs503WithRetryAfterHoweverItIsWrapped() {
        var response = new MockHttpServletResponse();
        // as Axon's event store reports a connection lost mid-append
        var lost = new IllegalStateException("An event for aggregate [x] at sequence [1] was already inserted",
                new RuntimeException(new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006")));

        var problem = handler.unexpected(lost, response);

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getProperties()).containsEntry("code", "database-unavailable");
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void anyOtherUnexpectedFailureIsA500WithoutInternals() {
        var problem = handler.unexpected(new IllegalStateException("secret detail", new java.sql.SQLException("bad", "42P01")),
                new MockHttpServletResponse());

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("secret");
    }
}
