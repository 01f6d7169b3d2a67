package ru.lomcrm.party.view;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.party.party.PartyCard;
import ru.lomcrm.platform.events.ReadModels;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.SearchText;

/** Lists and cards of contacts and companies, filtered by rule 10. */
@Component
public class PartyQueries {

    private static final Map<String, String> SORTABLE = Map.of("updatedAt", "updated_at", "createdAt", "created_at", "name", "name",
            "deliveries", "deliveries");

    private final NamedParameterJdbcTemplate jdbc;
    private final Ownership ownership;
    private final UserDirectory users;
    private final JsonMapper json;

    PartyQueries(NamedParameterJdbcTemplate jdbc, Ownership ownership, UserDirectory users, JsonMapper json) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.users = users;
        this.json = json;
    }

    public record PartyView(UUID id, String type, String name, DirectoryUser.Ref owner, String status, int deliveries, boolean archived,
                            PartyCard card, List<UUID> companyIds, List<String> tags, UUID mergedInto, Instant createdAt,
                            Instant updatedAt, long version) {
    }

    public record Page(List<PartyView> items, long total) {
    }

    /** {@code tags}: normalised; {@code allTags}: every tag (else any of them). */
    public record Filter(String type, String ownerId, String status, String text, UUID companyId, Instant createdFrom, Instant createdTo,
                         boolean archived, List<String> tags, boolean allTags) {
    }

    public PartyView card(UUID id, String type, CurrentUser caller) {
        PartyView party = jdbc.query("SELECT * FROM party_view WHERE id = :id AND type = :type", Map.of("id", id, "type", type), this::row)
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("not-found", "Запись не найдена."));
        ownership.requireVisible(caller, party.owner().id(), "Запись не найдена.");
        return party;
    }

    /** The card once the read model has caught up with {@code version}. */
    public PartyView awaitCard(UUID id, String type, long version, CurrentUser caller) {
        ReadModels.awaitVersion(() -> jdbc.queryForList("SELECT version FROM party_view WHERE id = :id", Map.of("id", id), Long.class)
                .stream().findFirst().orElse(-1L), version, java.time.Duration.ofSeconds(10));
        return card(id, type, caller);
    }

    public Page list(Filter filter, String sort, boolean descending, int page, int size, CurrentUser caller) {
        String column = SORTABLE.get(sort);
        if (column == null) {
            throw DomainException.invalid("unknown-sort", "Нельзя сортировать по «" + sort + "».").about("sort");
        }
        var params = new MapSqlParameterSource("type", filter.type()).addValue("archived", filter.archived());
        List<String> where = new ArrayList<>(List.of("type = :type", "archived = :archived", "merged_into IS NULL"));
        ownership.visibleOwners(caller).ifPresent(owners -> {
            where.add("owner_id IN (:owners)");
            params.addValue("owners", owners);
        });
        if (filter.ownerId() != null) {
            where.add("owner_id = :owner");
            params.addValue("owner", filter.ownerId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.addValue("status", filter.status());
        }
        if (filter.companyId() != null) {
            where.add("CAST(:company AS uuid) = ANY(company_ids)");
            params.addValue("company", filter.companyId().toString());
        }
        if (filter.tags() != null && !filter.tags().isEmpty()) {
            where.add(filter.allTags() ? "tag_keys @> ARRAY[:tags]::text[]" : "tag_keys && ARRAY[:tags]::text[]");
            params.addValue("tags", filter.tags());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip().toLowerCase(java.util.Locale.ROOT);
            String digits = SearchText.phoneDigits(text);
            where.add(digits.length() >= 3 ? "(search LIKE :text OR search LIKE :digits)" : "search LIKE :text");
            params.addValue("text", SearchText.contains(text));
            params.addValue("digits", "%" + digits + "%");
        }
        if (filter.createdFrom() != null) {
            where.add("created_at >= :from");
            params.addValue("from", filter.createdFrom().atOffset(ZoneOffset.UTC));
        }
        if (filter.createdTo() != null) {
            where.add("created_at < :to");
            params.addValue("to", filter.createdTo().atOffset(ZoneOffset.UTC));
        }
        String condition = " WHERE " + String.join(" AND ", where);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<PartyView> items = jdbc.query("SELECT * FROM party_view" + condition + " ORDER BY " + column + (descending ? " DESC" : " ASC")
                + ", id LIMIT :limit OFFSET :offset", params, this::row);
        Long total = jdbc.queryForObject("SELECT count(*) FROM party_view" + condition, params, Long.class);
        return new Page(items, total == null ? 0 : total);
    }

    private PartyView row(ResultSet rs, int n) throws SQLException {
        String ownerId = rs.getString("owner_id");
        return new PartyView(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
                users.find(ownerId).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(ownerId, null, null)), rs.getString("status"),
                rs.getInt("deliveries"), rs.getBoolean("archived"), json.readValue(rs.getString("card"), PartyCard.class),
                Arrays.asList((UUID[]) rs.getArray("company_ids").getArray()), Arrays.asList((String[]) rs.getArray("tags").getArray()),
                rs.getObject("merged_into", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }
}
