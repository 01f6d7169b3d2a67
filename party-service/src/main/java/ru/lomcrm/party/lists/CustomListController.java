package ru.lomcrm.party.lists;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.platform.web.Emails;
import ru.lomcrm.platform.web.Text;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.PhoneNumbers;
import ru.lomcrm.platform.web.SearchText;

/**
 * Списки → user-defined lists: the admin defines a list and its columns (text, number, date,
 * select, phone, e-mail); people keep elements in it, each owned like a contact (rule 10).
 */
@RestController
@RequestMapping("/api/lists")
class CustomListController {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final Ownership ownership;
    private final UserDirectory users;

    CustomListController(NamedParameterJdbcTemplate jdbc, JsonMapper json, Ownership ownership, UserDirectory users) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownership = ownership;
        this.users = users;
    }

    public record Field(@NotBlank(message = "укажите код") @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "латиница, цифры, _") String code,
                        @NotBlank(message = "укажите название") @Size(max = 100) String name,
                        @NotBlank @Pattern(regexp = "text|number|date|select|phone|email", message = "text, number, date, select, phone или email")
                        String type,
                        @Size(max = 50) List<@NotBlank @Size(max = 100) String> options,
                        Boolean required) {
    }

    public record ListBody(@NotBlank(message = "укажите название") @Size(max = 100, message = "не длиннее 100 символов") String name,
                           @NotEmpty(message = "нужна хотя бы одна колонка") @Size(max = 30) List<@Valid Field> fields) {
    }

    public record CustomList(UUID id, String name, List<Field> fields) {
    }

    public record Lists(List<CustomList> items) {
    }

    public record Element(UUID id, UUID listId, Map<String, Object> values, DirectoryUser.Ref owner, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {
    }

    public record Elements(List<Element> items, long total) {
    }

    @GetMapping
    Lists lists() {
        return new Lists(jdbc.query("SELECT id, name, fields FROM custom_list ORDER BY name", Map.of(), (rs, n) ->
                new CustomList(rs.getObject("id", UUID.class), rs.getString("name"), fields(rs.getString("fields")))));
    }

    @PostMapping
    ResponseEntity<CustomList> create(@Valid @RequestBody ListBody body, CurrentUser caller) {
        requireAdmin(caller);
        checkFields(body.fields());
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO custom_list (id, name, fields, created_by, created_at, updated_at) VALUES (:id, :name, CAST(:fields AS jsonb), :by, now(), now())",
                new MapSqlParameterSource("id", id).addValue("name", body.name().strip())
                        .addValue("fields", json.writeValueAsString(body.fields())).addValue("by", caller.id()));
        return ResponseEntity.created(URI.create("/api/lists/" + id)).body(list(id));
    }

    @PatchMapping("/{id}")
    CustomList change(@PathVariable UUID id, @Valid @RequestBody ListBody body, CurrentUser caller) {
        requireAdmin(caller);
        list(id);
        checkFields(body.fields());
        jdbc.update("UPDATE custom_list SET name = :name, fields = CAST(:fields AS jsonb), updated_at = now() WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("name", body.name().strip()).addValue("fields", json.writeValueAsString(body.fields())));
        return list(id);
    }

    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> remove(@PathVariable UUID id, CurrentUser caller) {
        requireAdmin(caller);
        list(id);
        Long elements = jdbc.queryForObject("SELECT count(*) FROM custom_list_element WHERE list_id = :id", Map.of("id", id), Long.class);
        if (elements != null && elements > 0) {
            throw DomainException.conflict("list-not-empty", "В списке есть записи (" + elements + "): удалите их, затем список.");
        }
        jdbc.update("DELETE FROM custom_list WHERE id = :id", Map.of("id", id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/elements")
    Elements elements(@PathVariable UUID id, @RequestParam(required = false) @Size(max = 200) String q,
                      @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                      CurrentUser caller) {
        list(id);
        var params = new MapSqlParameterSource("list", id).addValue("limit", size).addValue("offset", (long) page * size);
        StringBuilder where = new StringBuilder(" WHERE list_id = :list");
        ownership.visibleOwners(caller).ifPresent(owners -> {
            where.append(" AND owner_id IN (:owners)");
            params.addValue("owners", owners);
        });
        if (q != null && !q.isBlank()) {
            where.append(" AND lower(field_values::text) LIKE :q");
            params.addValue("q", SearchText.contains(q.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Element> items = jdbc.query("SELECT * FROM custom_list_element" + where + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset",
                params, (rs, n) -> element(rs));
        Long total = jdbc.queryForObject("SELECT count(*) FROM custom_list_element" + where, params, Long.class);
        return new Elements(items, total == null ? 0 : total);
    }

    @PostMapping("/{id}/elements")
    ResponseEntity<Element> add(@PathVariable UUID id, @RequestBody JsonNode values, CurrentUser caller) {
        CustomList list = list(id);
        UUID elementId = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO custom_list_element (id, list_id, field_values, owner_id, created_at, updated_at)
                VALUES (:id, :list, CAST(:values AS jsonb), :owner, now(), now())""",
                new MapSqlParameterSource("id", elementId).addValue("list", id)
                        .addValue("values", json.writeValueAsString(checked(list, values, Map.of(), true))).addValue("owner", caller.id()));
        return ResponseEntity.created(URI.create("/api/lists/" + id + "/elements/" + elementId)).body(element(id, elementId, caller));
    }

    @GetMapping("/{id}/elements/{elementId}")
    Element one(@PathVariable UUID id, @PathVariable UUID elementId, CurrentUser caller) {
        return element(id, elementId, caller);
    }

    @PatchMapping("/{id}/elements/{elementId}")
    Element edit(@PathVariable UUID id, @PathVariable UUID elementId, @RequestBody JsonNode values, CurrentUser caller) {
        CustomList list = list(id);
        Element current = element(id, elementId, caller);
        jdbc.update("UPDATE custom_list_element SET field_values = CAST(:values AS jsonb), updated_at = now() WHERE id = :id",
                new MapSqlParameterSource("id", elementId).addValue("values",
                        json.writeValueAsString(checked(list, values, current.values(), false))));
        return element(id, elementId, caller);
    }

    @DeleteMapping("/{id}/elements/{elementId}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID elementId, CurrentUser caller) {
        element(id, elementId, caller);
        jdbc.update("DELETE FROM custom_list_element WHERE id = :id", Map.of("id", elementId));
        return ResponseEntity.noContent().build();
    }

    /** The values as the list's columns want them: known columns only, types checked, phones and e-mails normalised. */
    private Map<String, Object> checked(CustomList list, JsonNode values, Map<String, Object> current, boolean creating) {
        if (values == null || !values.isObject()) {
            throw DomainException.invalid("values-object", "Ожидается объект со значениями колонок.").about("body");
        }
        Map<String, Object> result = new LinkedHashMap<>(current);
        Set<String> known = new HashSet<>();
        for (Field field : list.fields()) {
            known.add(field.code());
            JsonNode value = values.get(field.code());
            if (value == null) {
                continue;
            }
            if (value.isNull() || (value.isString() && value.asString().isBlank())) {
                result.remove(field.code());
                continue;
            }
            result.put(field.code(), convert(field, value));
        }
        for (String name : values.propertyNames()) {
            if (!known.contains(name)) {
                throw DomainException.invalid("unknown-column", "В списке «" + list.name() + "» нет колонки «" + name + "».").about(name);
            }
        }
        for (Field field : list.fields()) {
            if (Boolean.TRUE.equals(field.required()) && !result.containsKey(field.code()) && (creating || current.containsKey(field.code()))) {
                throw DomainException.invalid("column-required", "Заполните «" + field.name() + "».").about(field.code());
            }
        }
        return result;
    }

    /** A number of a list: at most 15 digits before the point and 6 after, kept as written (never 1E+29). */
    private static final String NUMBER = "-?\\d{1,15}([.,]\\d{1,6})?";

    private static Object convert(Field field, JsonNode value) {
        String code = field.code();
        // the elements' values come as a tree, past the body's own text checks: the same rules here
        if (value.isString() && Text.hasForbidden(value.asString())) {
            throw DomainException.invalid("forbidden-characters",
                    "«" + field.name() + "»: в тексте есть управляющие или невидимые символы.").about(code);
        }
        if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
            throw DomainException.invalid("not-a-value", "«" + field.name() + "»: ожидается значение, а не список или объект.").about(code);
        }
        try {
            return switch (field.type()) {
                case "number" -> {
                    // by the number's text: 1e400 is no double, a 29-digit number must not become 1E+29
                    String text = null;
                    if (value.isNumber() && !(value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
                        text = value.decimalValue().stripTrailingZeros().toPlainString();
                    } else if (value.isString()) {
                        text = value.asString().strip().replace(',', '.');
                    }
                    if (text == null || !text.matches(NUMBER)) {
                        throw DomainException.invalid("not-a-number", "«" + field.name() + "»: ожидается число — до 15 цифр до запятой "
                                + "и до 6 после.").about(code);
                    }
                    yield new BigDecimal(text);
                }
                case "date" -> LocalDate.parse(value.asString().strip()).toString();
                case "select" -> {
                    String option = value.isString() ? value.asString() : "";
                    if (field.options() == null || !field.options().contains(option)) {
                        throw DomainException.invalid("unknown-option", "«" + field.name() + "»: выберите значение из списка.").about(code);
                    }
                    yield option;
                }
                case "phone" -> PhoneNumbers.normalize(value.asString(), code);
                case "email" -> Emails.normalize(value.asString(), code);
                default -> {
                    if (!value.isString()) {
                        throw DomainException.invalid("not-a-text", "«" + field.name() + "»: ожидается текст.").about(code);
                    }
                    String text = value.asString();
                    if (text.length() > 2000) {
                        throw DomainException.invalid("text-too-long", "«" + field.name() + "»: не длиннее 2000 символов.").about(code);
                    }
                    yield text.strip();
                }
            };
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("not-a-date", "«" + field.name() + "»: ожидается дата ГГГГ-ММ-ДД.").about(code);
        }
    }

    private static void checkFields(List<Field> fields) {
        Set<String> codes = new HashSet<>();
        for (Field field : fields) {
            if (!codes.add(field.code())) {
                throw DomainException.invalid("column-duplicate", "Колонка «" + field.code() + "» указана дважды.").about("fields");
            }
            if ("select".equals(field.type()) && (field.options() == null || field.options().isEmpty())) {
                throw DomainException.invalid("select-needs-options", "У колонки-списка «" + field.name() + "» нет вариантов.").about("fields");
            }
        }
    }

    private CustomList list(UUID id) {
        return jdbc.query("SELECT id, name, fields FROM custom_list WHERE id = :id", Map.of("id", id), (rs, n) ->
                        new CustomList(rs.getObject("id", UUID.class), rs.getString("name"), fields(rs.getString("fields"))))
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("not-found", "Список не найден."));
    }

    private Element element(UUID listId, UUID elementId, CurrentUser caller) {
        Element element = jdbc.query("SELECT * FROM custom_list_element WHERE id = :id AND list_id = :list",
                        Map.of("id", elementId, "list", listId), (rs, n) -> element(rs))
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("not-found", "Запись не найдена."));
        ownership.requireVisible(caller, element.owner().id(), "Запись не найдена.");
        return element;
    }

    @SuppressWarnings("unchecked")
    private Element element(java.sql.ResultSet rs) throws java.sql.SQLException {
        String ownerId = rs.getString("owner_id");
        return new Element(rs.getObject("id", UUID.class), rs.getObject("list_id", UUID.class),
                // numbers as stored (exact decimals), not doubles that print as 1.234567890123455E14
                json.readerFor(LinkedHashMap.class).with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .readValue(rs.getString("field_values")),
                users.find(ownerId).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(ownerId, null, null)),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private List<Field> fields(String text) {
        return List.of(json.readValue(text, Field[].class));
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("admin-only", "Создавать и менять списки может только администратор.");
        }
    }
}
