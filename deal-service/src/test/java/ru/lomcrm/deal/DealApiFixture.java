package ru.lomcrm.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/** Small factories for deal API tests: a client per demo user, and a deal with sensible fields. */
public final class DealApiFixture {

    private final ApiClient anonymous;

    public DealApiFixture(int port) {
        this.anonymous = ApiClient.at("http://127.0.0.1:" + port);
    }

    public ApiClient anonymous() {
        return anonymous;
    }

    public ApiClient as(String username) {
        return anonymous.withToken(Tokens.of(username));
    }

    /** A new ЛОМ lead owned by {@code username}; extra fields override the defaults. */
    public JsonNode dealOf(String username, Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Втормет " + System.nanoTime(), "expectedMonthlyVolumeT", 20));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        var response = as(username).post("/api/deals", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    public static Map<String, Object> delivery(String ticket, String weightKg) {
        return Map.of("deliveredAt", "2026-11-27T07:30:00Z", "weightKg", weightKg, "grade", "3А", "pricePerTonne", "25000",
                "ticketNo", ticket);
    }
}
