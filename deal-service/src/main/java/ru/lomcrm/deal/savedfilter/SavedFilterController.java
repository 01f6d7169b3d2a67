package ru.lomcrm.deal.savedfilter;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.deal.view.DealFilterParams;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.InvalidRequestException;

/**
 * Saved filters of Сделки (amoCRM's users live in them): each person keeps their own; an admin
 * may share one with everyone. A filter is the address's parameters of the list and the board
 * ({@link DealFilterParams}), without the funnel, so it applies to any funnel.
 */
@RestController
class SavedFilterController {

    static final int MAX_PER_PERSON = 50;
    /** The parameters a saved filter may hold: exactly those of the filter. */
    static final Set<String> PARAMETERS = Arrays.stream(DealFilterParams.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.shared();
    private final Clock clock;

    SavedFilterController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record NewSavedFilter(@Size(max = 100, message = "не длиннее 100 символов") String name,
                                 @NotNull(message = "укажите параметры фильтра") @Size(max = 30, message = "не больше 30 параметров")
                                 Map<String, Object> query,
                                 Boolean shared) {
    }

    public record SavedFilter(UUID id, String name, Map<String, Object> query, boolean shared, String ownerId, boolean mine) {
    }

    public record SavedFilters(List<SavedFilter> items) {
    }

    @GetMapping("/api/deals/filters")
    SavedFilters list(CurrentUser caller) {
        return new SavedFilters(jdbc.query("""
                SELECT id, name, query, shared, owner_id FROM deal_saved_filter WHERE shared OR owner_id = ?
                ORDER BY shared DESC, lower(name), id""", (rs, n) -> filter(rs, caller), caller.id()));
    }

    @PostMapping("/api/deals/filters")
    ResponseEntity<SavedFilter> save(@Valid @RequestBody NewSavedFilter body, CurrentUser caller) {
        String name = body.name() == null ? "" : body.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw invalid("name", "укажите название");
        }
        boolean shared = Boolean.TRUE.equals(body.shared());
        if (shared && !caller.isAdmin()) {
            throw DomainException.forbidden("admin-only", "Общие фильтры создаёт администратор.");
        }
        Map<String, Object> query = checked(body.query());
        Integer own = jdbc.queryForObject("SELECT count(*) FROM deal_saved_filter WHERE owner_id = ? AND NOT shared", Integer.class,
                caller.id());
        if (!shared && own != null && own >= MAX_PER_PERSON) {
            throw DomainException.conflict("too-many-filters", "Сохранено уже " + MAX_PER_PERSON + " фильтров — удалите ненужные.");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("INSERT INTO deal_saved_filter (id, owner_id, name, query, shared, created_at) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)",
                    id, caller.id(), name, json.writeValueAsString(query), shared, clock.instant().atOffset(ZoneOffset.UTC));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("filter-name-taken", shared ? "Общий фильтр «" + name + "» уже есть."
                    : "У вас уже есть фильтр «" + name + "».").about("name");
        }
        return ResponseEntity.created(URI.create("/api/deals/filters/" + id))
                .body(new SavedFilter(id, name, query, shared, caller.id(), true));
    }

    @DeleteMapping("/api/deals/filters/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser caller) {
        int removed = jdbc.update("DELETE FROM deal_saved_filter WHERE id = ? AND (owner_id = ? AND NOT shared OR shared AND ?)", id,
                caller.id(), caller.isAdmin());
        if (removed == 0) {
            throw DomainException.notFound("not-found", "Фильтр не найден.");
        }
        return ResponseEntity.noContent().build();
    }

    /** Only the filter's own parameters, each a text or a list of texts — what the address can carry. */
    private static Map<String, Object> checked(Map<String, Object> query) {
        Map<String, Object> clean = new LinkedHashMap<>();
        for (var entry : query.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey())) {
                throw invalid("query", "неизвестный параметр «" + entry.getKey() + "»");
            }
            Object value = entry.getValue();
            if (value instanceof String text && text.length() <= 200) {
                clean.put(entry.getKey(), text);
            } else if (value instanceof List<?> list && list.size() <= 30
                    && list.stream().allMatch(item -> item instanceof String text && text.length() <= 200)) {
                clean.put(entry.getKey(), List.copyOf(list));
            } else if (value instanceof Boolean || value instanceof Number) {
                clean.put(entry.getKey(), String.valueOf(value));
            } else {
                throw invalid("query", "значение «" + entry.getKey() + "» — текст или список текстов");
            }
        }
        return clean;
    }

    private SavedFilter filter(java.sql.ResultSet rs, CurrentUser caller) throws java.sql.SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> query = json.readValue(rs.getString("query"), Map.class);
        return new SavedFilter(rs.getObject("id", UUID.class), rs.getString("name"), query, rs.getBoolean("shared"),
                rs.getString("owner_id"), rs.getString("owner_id").equals(caller.id()));
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new InvalidRequestException.FieldError(field, message)));
    }
}
