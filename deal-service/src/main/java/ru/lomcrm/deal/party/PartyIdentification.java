package ru.lomcrm.deal.party;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.Emails;
import ru.lomcrm.platform.web.InvalidRequestException;
import ru.lomcrm.platform.web.PhoneNumbers;

/**
 * Rule 5 for what comes in from outside (a lead from the site, later a mail or a call): the
 * caller is found among the contacts and companies by phone and e-mail, or becomes a new contact
 * of the manager who takes it. Party-service owns the identities, so it is asked — with the
 * caller's own token, so its rights apply — rather than a replica that could lag behind a contact
 * created a second ago. A party of somebody the caller may not see is refused naming its owner,
 * exactly as creating it by hand would be.
 */
@Component
public class PartyIdentification {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PartyIdentification.class);

    private final RestClient party;
    private final Ownership ownership;
    private final ObjectMapper json = JsonMapper.shared();

    PartyIdentification(@Value("${crm.services.party-url:http://127.0.0.1:8082}") String partyUrl, Ownership ownership) {
        var timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.party = RestClient.builder().baseUrl(partyUrl).requestFactory(timeouts).build();
        this.ownership = ownership;
    }

    /** Who wrote in: what the lead (or mail, or call) says about them. Any part may be null. */
    public record Caller(String name, String phone, String email) {
    }

    /** The party found or created; {@code created} when it did not exist before. */
    public record Identified(UUID id, String kind, String name, boolean created) {
    }

    public Identified findOrCreateContact(Caller who, CurrentUser caller) {
        String phone = normalizedPhone(who.phone());
        String email = normalizedEmail(who.email());
        if (phone != null || email != null) {
            JsonNode matches = call(() -> party.get()
                    .uri(uri -> uri.path("/api/parties/duplicates").queryParamIfPresent("phone", java.util.Optional.ofNullable(phone))
                            .queryParamIfPresent("email", java.util.Optional.ofNullable(email)).build())
                    .headers(h -> h.setBearerAuth(token()))
                    .retrieve().body(JsonNode.class));
            List<JsonNode> found = new ArrayList<>();
            matches.path("items").forEach(found::add);
            // one the caller may use first (their own beside someone else's forced duplicate), then a contact — the
            // caller themself — before a company; refused only when every match is somebody else's
            found.sort(java.util.Comparator.<JsonNode>comparingInt(m -> visible(m, caller) ? 0 : 1)
                    .thenComparingInt(m -> "contact".equals(m.path("partyType").asString()) ? 0 : 1));
            if (!found.isEmpty()) {
                return existing(found.get(0), caller);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", firstPresent(who.name(), phone != null ? phone : who.phone(), email, "Контакт из заявки"));
        body.put("phones", phone == null ? List.of() : List.of(phone));
        body.put("emails", email == null ? List.of() : List.of(email));
        try {
            JsonNode contact = party.post().uri("/api/contacts").contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> h.setBearerAuth(token())).body(body).retrieve().body(JsonNode.class);
            return new Identified(UUID.fromString(contact.path("id").asString()), "contact", contact.path("name").asString(), true);
        } catch (RestClientResponseException e) {
            JsonNode problem = problem(e);
            String ownerId = problem.path("owner").path("id").asString(null);
            if (e.getStatusCode().value() == 409 && problem.hasNonNull("existingId") && ownerId != null
                    && ownership.canSee(caller, ownerId)) {
                // the caller's own contact, created between our look-up and our create
                return new Identified(UUID.fromString(problem.path("existingId").asString()), problem.path("existingType").asString(),
                        who.name(), false);
            }
            throw refused(e, problem);
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    private boolean visible(JsonNode match, CurrentUser caller) {
        String ownerId = match.path("owner").path("id").asString(null);
        return ownerId == null || ownership.canSee(caller, ownerId);
    }

    private Identified existing(JsonNode match, CurrentUser caller) {
        String ownerId = match.path("owner").path("id").asString(null);
        String kind = match.path("partyType").asString();
        String name = match.path("name").asString();
        if (ownerId != null && !ownership.canSee(caller, ownerId)) {
            String owner = match.path("owner").path("name").asString("другой менеджер");
            String what = "contact".equals(kind) ? "Контакт" : "Компания";
            throw DomainException.conflict("duplicate-party", what + " «" + name + "» с " + on(match.path("matchedOn").asString())
                            + " уже есть, ответственный — " + owner + ". Обратитесь к нему или к руководителю.")
                    .with("existingId", match.path("partyId").asString()).with("existingType", kind)
                    .with("owner", json.convertValue(match.path("owner"), Map.class));
        }
        return new Identified(UUID.fromString(match.path("partyId").asString()), kind, name, false);
    }

    private static String on(String matchedOn) {
        return switch (matchedOn) {
            case "phone" -> "тем же телефоном";
            case "email" -> "тем же e-mail";
            case "inn" -> "тем же ИНН";
            default -> "теми же данными";
        };
    }

    private static String normalizedEmail(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Emails.normalize(raw, "email");
        } catch (DomainException e) {
            return null; // like a number that is not one: kept in the message, identifies nobody
        }
    }

    private static String normalizedPhone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return PhoneNumbers.normalize(raw, "phone");
        } catch (InvalidRequestException | DomainException e) {
            return null; // a number that is not one stays in the lead's message, it identifies nobody
        }
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip().length() > 300 ? value.strip().substring(0, 300) : value.strip();
            }
        }
        return null;
    }

    private JsonNode call(java.util.function.Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            throw refused(e, problem(e));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    private JsonNode problem(RestClientResponseException e) {
        try {
            return json.readTree(e.getResponseBodyAsString());
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    /** A refusal of party-service is passed on as it is (its Russian words); its failures are a 503. */
    private static DomainException refused(RestClientResponseException e, JsonNode problem) {
        HttpStatusCode status = e.getStatusCode();
        if (status.is5xxServerError()) {
            log.warn("party-service failed identifying a caller: {}", status);
            return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "party-service-failed",
                    "Не удалось найти или создать контакт — сервис контактов ответил ошибкой. Попробуйте ещё раз.");
        }
        String detail = problem.path("detail").asString("Сервис контактов отказал: " + status.value() + ".");
        // who may do what is party-service's word: 401/403/404/409 as it said them; anything else is the request
        HttpStatus mapped = switch (status.value()) {
            case 401, 403, 404, 409 -> HttpStatus.valueOf(status.value());
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        DomainException refusal = new DomainException(mapped, problem.path("code").asString("party-refused"), detail);
        for (String property : List.of("existingId", "existingType", "owner")) {
            if (problem.hasNonNull(property)) {
                refusal = refusal.with(property, JsonMapper.shared().convertValue(problem.get(property), Object.class));
            }
        }
        return refusal;
    }

    private static DomainException unavailable(ResourceAccessException e) {
        log.warn("party-service unreachable: {}", e.getMessage());
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "party-service-unavailable",
                "Сервис контактов недоступен — заявка не принята. Попробуйте через минуту.");
    }

    private static String token() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new IllegalStateException("Party identification needs the caller's bearer token");
    }
}
