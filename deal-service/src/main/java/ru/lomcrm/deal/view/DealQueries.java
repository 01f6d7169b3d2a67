package ru.lomcrm.deal.view;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.contracts.deal.Stage;
import ru.lomcrm.deal.funnel.FunnelCatalog;
import ru.lomcrm.deal.funnel.FunnelCatalog.FunnelView;
import ru.lomcrm.platform.events.ReadModels;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.SearchText;

/** The board, the list and the card, from {@code deal_view}; always filtered by rule 10. */
@Component
public class DealQueries {

    private static final String ITEM_COLUMNS = """
            d.id, d.title, d.funnel, d.stage, d.owner_id, d.contact_id, d.company_id, d.expected_volume_t, d.tags, d.deliveries,
            ts.has_open_task, ts.nearest_deadline, d.closed, d.created_at, d.updated_at, d.version, c.name AS contact_name, co.name AS company_name""";
    private static final String FROM = """
            FROM deal_view d
            LEFT JOIN party_name c ON c.id = d.contact_id
            LEFT JOIN party_name co ON co.id = d.company_id
            LEFT JOIN deal_task_status ts ON ts.deal_id = d.id""";
    private static final Map<String, String> SORTABLE = Map.of(
            "updatedAt", "d.updated_at", "createdAt", "d.created_at", "title", "d.title", "stage", "d.stage",
            "expectedVolumeT", "d.expected_volume_t", "deliveries", "d.deliveries");

    private final NamedParameterJdbcTemplate jdbc;
    private final Ownership ownership;
    private final UserDirectory users;
    private final FunnelCatalog funnels;
    private final JsonMapper json;
    private final Clock clock;

    DealQueries(NamedParameterJdbcTemplate jdbc, Ownership ownership, UserDirectory users, FunnelCatalog funnels, JsonMapper json,
                Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.users = users;
        this.funnels = funnels;
        this.json = json;
    }

    public record PartyRef(UUID id, String name) {
    }

    public record DealItem(UUID id, String title, String funnel, String stage, DirectoryUser.Ref owner, PartyRef contact,
                           PartyRef company, BigDecimal expectedVolumeT, List<String> tags, int deliveries, Boolean hasOpenTask,
                           Instant nearestTaskDue, Boolean taskOverdue, boolean closed, Instant createdAt, Instant updatedAt, long version) {
    }

    public record Delivery(int ordinal, Instant deliveredAt, BigDecimal weightKg, String grade, BigDecimal pricePerTonne,
                           BigDecimal amount, String ticketNo, DirectoryUser.Ref acceptedBy) {
    }

    public record DealCard(UUID id, String title, String funnel, String stage, DirectoryUser.Ref owner, PartyRef contact,
                           PartyRef company, DealDetails details, List<String> tags, List<Delivery> deliveries,
                           BigDecimal deliveredKg, Boolean hasOpenTask, Instant nearestTaskDue, Boolean taskOverdue, boolean closed,
                           String lossReason, String source,
                           UUID promotedFrom, Instant createdAt, Instant updatedAt, long version) {
    }

    public record Page(List<DealItem> items, long total) {
    }

    public record BoardStage(String code, String name, String kind, long count, BigDecimal volume, List<DealItem> deals) {
    }

    public record Board(String funnel, String name, List<BoardStage> stages) {
    }

    /** What a list or board shows; every field optional. */
    /** Deliveries in kilograms ({@code deliveredFromKg}/{@code deliveredToKg}), inclusive; see {@link DealFilterParams}. */
    public record Filter(String funnel, List<String> stages, String ownerId, UUID contactId, UUID companyId, List<String> tags,
                         boolean allTags, String text, Instant createdFrom, Instant createdTo, Instant updatedFrom,
                         Instant updatedTo, Instant closedFrom, Instant closedTo, Boolean closed, boolean withoutTask,
                         boolean overdueTask, List<String> sources, List<String> grades, BigDecimal deliveredFromKg,
                         BigDecimal deliveredToKg) {

        Filter inFunnel(String code) {
            return new Filter(code, stages, ownerId, contactId, companyId, tags, allTags, text, createdFrom, createdTo, updatedFrom,
                    updatedTo, closedFrom, closedTo, closed, withoutTask, overdueTask, sources, grades, deliveredFromKg, deliveredToKg);
        }
    }

    public DealCard card(UUID id, CurrentUser caller) {
        var rows = jdbc.query("SELECT " + ITEM_COLUMNS + ", d.details, d.delivered_kg, d.loss_reason, d.source, d.promoted_from " + FROM
                + " WHERE d.id = :id", Map.of("id", id), (rs, n) -> {
            DealItem item = item(rs);
            return new DealCard(item.id(), item.title(), item.funnel(), item.stage(), item.owner(), item.contact(), item.company(),
                    json.readValue(rs.getString("details"), DealDetails.class), item.tags(), List.of(), rs.getBigDecimal("delivered_kg"),
                    item.hasOpenTask(), item.nearestTaskDue(), item.taskOverdue(), item.closed(), rs.getString("loss_reason"), rs.getString("source"),
                    rs.getObject("promoted_from", UUID.class), item.createdAt(), item.updatedAt(), item.version());
        });
        if (rows.isEmpty()) {
            throw DomainException.notFound("not-found", "Сделка не найдена.");
        }
        DealCard card = rows.get(0);
        ownership.requireVisible(caller, card.owner().id(), "Сделка не найдена.");
        return new DealCard(card.id(), card.title(), card.funnel(), card.stage(), card.owner(), card.contact(), card.company(),
                card.details(), card.tags(), deliveries(id), card.deliveredKg(), card.hasOpenTask(), card.nearestTaskDue(), card.taskOverdue(), card.closed(), card.lossReason(),
                card.source(), card.promotedFrom(), card.createdAt(), card.updatedAt(), card.version());
    }

    /**
     * The card once the read model has caught up with {@code version} (the deal's version after
     * a change just made), so that an answer always shows the change. The projection runs
     * asynchronously but in-process; it normally catches up within milliseconds.
     */
    public DealCard awaitCard(UUID id, long version, CurrentUser caller) {
        awaitVersion(id, version);
        return card(id, caller);
    }

    /** Waits (with a ceiling) until {@code deal_view} shows the deal at {@code version} or later. */
    public boolean awaitVersion(UUID id, long version) {
        return ReadModels.awaitVersion(() -> jdbc.queryForList("SELECT version FROM deal_view WHERE id = :id", Map.of("id", id), Long.class)
                .stream().findFirst().orElse(-1L), version, java.time.Duration.ofSeconds(10));
    }

    public List<Delivery> deliveries(UUID dealId) {
        return jdbc.query("""
                SELECT ordinal, delivered_at, weight_kg, grade, price_per_tonne, amount, ticket_no, accepted_by
                FROM deal_delivery WHERE deal_id = :id ORDER BY ordinal""", Map.of("id", dealId), (rs, n) -> new Delivery(
                rs.getInt("ordinal"), instant(rs, "delivered_at"), rs.getBigDecimal("weight_kg"), rs.getString("grade"),
                rs.getBigDecimal("price_per_tonne"), rs.getBigDecimal("amount"), rs.getString("ticket_no"),
                ref(rs.getString("accepted_by"))));
    }

    public Page list(Filter filter, String sort, boolean descending, int page, int size, CurrentUser caller) {
        var params = new MapSqlParameterSource();
        String where = where(filter, caller, params);
        String column = SORTABLE.get(sort);
        if (column == null) {
            throw DomainException.invalid("unknown-sort", "Нельзя сортировать по «" + sort + "».");
        }
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<DealItem> items = jdbc.query("SELECT " + ITEM_COLUMNS + " " + FROM + where + " ORDER BY " + column
                + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST") + ", d.id LIMIT :limit OFFSET :offset", params, (rs, n) -> item(rs));
        Long total = jdbc.queryForObject("SELECT count(*) " + FROM + where, params, Long.class);
        return new Page(items, total == null ? 0 : total);
    }

    /** Every stage of the funnel with its count and volume, and up to {@code limit} deals from {@code offset}. */
    public Board board(String funnelCode, Filter filter, int offset, int limit, CurrentUser caller) {
        FunnelView funnel = funnels.find(funnelCode)
                .orElseThrow(() -> DomainException.notFound("unknown-funnel", "Воронки «" + funnelCode + "» нет."));
        var params = new MapSqlParameterSource();
        List<String> onlyStages = filter.stages();
        String where = where(filter.inFunnel(funnelCode), caller, params);
        Map<String, long[]> counts = new java.util.HashMap<>();
        Map<String, BigDecimal> volumes = new java.util.HashMap<>();
        jdbc.query("SELECT d.stage, count(*) AS n, coalesce(sum(d.expected_volume_t), 0) AS volume " + FROM + where + " GROUP BY d.stage",
                params, rs -> {
                    counts.put(rs.getString("stage"), new long[] {rs.getLong("n")});
                    volumes.put(rs.getString("stage"), rs.getBigDecimal("volume"));
                });
        List<BoardStage> stages = new ArrayList<>();
        for (Stage stage : funnel.stages()) {
            if (onlyStages != null && !onlyStages.contains(stage.code())) {
                continue;
            }
            params.addValue("stage", stage.code()).addValue("limit", limit).addValue("offset", offset);
            List<DealItem> deals = jdbc.query("SELECT " + ITEM_COLUMNS + " " + FROM + where
                    + " AND d.stage = :stage ORDER BY d.updated_at DESC, d.id LIMIT :limit OFFSET :offset", params, (rs, n) -> item(rs));
            stages.add(new BoardStage(stage.code(), stage.name(), stage.kind(), counts.getOrDefault(stage.code(), new long[] {0})[0],
                    volumes.getOrDefault(stage.code(), BigDecimal.ZERO), deals));
        }
        return new Board(funnel.code(), funnel.name(), stages);
    }

    /** How many deals stand on a stage (for removing stages). */
    public long countOnStage(String funnel, String stage) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM deal_view WHERE funnel = :funnel AND stage = :stage",
                Map.of("funnel", funnel, "stage", stage), Long.class);
        return n == null ? 0 : n;
    }

    private String where(Filter filter, CurrentUser caller, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        ownership.visibleOwners(caller).ifPresent(owners -> {
            conditions.add("d.owner_id IN (:visibleOwners)");
            params.addValue("visibleOwners", owners);
        });
        if (filter.funnel() != null) {
            conditions.add("d.funnel = :funnel");
            params.addValue("funnel", filter.funnel());
        }
        if (filter.stages() != null && !filter.stages().isEmpty()) {
            conditions.add("d.stage IN (:stages)");
            params.addValue("stages", filter.stages());
        }
        if (filter.ownerId() != null) {
            conditions.add("d.owner_id = :ownerId");
            params.addValue("ownerId", filter.ownerId());
        }
        if (filter.contactId() != null) {
            conditions.add("d.contact_id = :contactId");
            params.addValue("contactId", filter.contactId());
        }
        if (filter.companyId() != null) {
            conditions.add("d.company_id = :companyId");
            params.addValue("companyId", filter.companyId());
        }
        if (filter.tags() != null && !filter.tags().isEmpty()) {
            conditions.add(filter.allTags() ? "d.tag_keys @> ARRAY[:tags]::text[]" : "d.tag_keys && ARRAY[:tags]::text[]");
            params.addValue("tags", filter.tags());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            params.addValue("text", SearchText.contains(text));
            String digits = SearchText.phoneDigits(text);
            if (digits.length() >= 3) {
                conditions.add("(d.title ILIKE :text OR c.name ILIKE :text OR co.name ILIKE :text OR c.phones LIKE :digits OR co.phones LIKE :digits)");
                params.addValue("digits", "%" + digits + "%");
            } else {
                conditions.add("(d.title ILIKE :text OR c.name ILIKE :text OR co.name ILIKE :text)");
            }
        }
        range(conditions, params, "d.created_at", filter.createdFrom(), filter.createdTo(), "created");
        range(conditions, params, "d.updated_at", filter.updatedFrom(), filter.updatedTo(), "updated");
        range(conditions, params, "d.closed_at", filter.closedFrom(), filter.closedTo(), "closed");
        if (filter.closed() != null) {
            conditions.add("d.closed = :closed");
            params.addValue("closed", filter.closed());
        }
        if (filter.withoutTask()) {
            conditions.add("NOT d.closed AND ts.has_open_task IS NOT TRUE");
        }
        if (filter.overdueTask()) {
            conditions.add("NOT d.closed AND ts.nearest_deadline < :now");
            params.addValue("now", clock.instant().atOffset(java.time.ZoneOffset.UTC));
        }
        if (filter.sources() != null) {
            conditions.add("d.source IN (:sources)");
            params.addValue("sources", filter.sources());
        }
        if (filter.grades() != null) {
            conditions.add("EXISTS (SELECT 1 FROM deal_delivery dd WHERE dd.deal_id = d.id AND dd.grade IN (:grades))");
            params.addValue("grades", filter.grades());
        }
        if (filter.deliveredFromKg() != null) {
            conditions.add("d.delivered_kg >= :deliveredFromKg");
            params.addValue("deliveredFromKg", filter.deliveredFromKg());
        }
        if (filter.deliveredToKg() != null) {
            conditions.add("d.delivered_kg <= :deliveredToKg");
            params.addValue("deliveredToKg", filter.deliveredToKg());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void range(List<String> conditions, MapSqlParameterSource params, String column, Instant from, Instant to, String name) {
        if (from != null) {
            conditions.add(column + " >= :" + name + "From");
            params.addValue(name + "From", from.atOffset(java.time.ZoneOffset.UTC));
        }
        if (to != null) {
            conditions.add(column + " < :" + name + "To");
            params.addValue(name + "To", to.atOffset(java.time.ZoneOffset.UTC));
        }
    }

    private DealItem item(ResultSet rs) throws SQLException {
        UUID contactId = rs.getObject("contact_id", UUID.class);
        UUID companyId = rs.getObject("company_id", UUID.class);
        Array tags = rs.getArray("tags");
        Boolean hasOpenTask = (Boolean) rs.getObject("has_open_task");
        Instant nearestTaskDue = instant(rs, "nearest_deadline");
        return new DealItem(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("funnel"), rs.getString("stage"),
                ref(rs.getString("owner_id")),
                contactId == null ? null : new PartyRef(contactId, rs.getString("contact_name")),
                companyId == null ? null : new PartyRef(companyId, rs.getString("company_name")),
                rs.getBigDecimal("expected_volume_t"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getInt("deliveries"), hasOpenTask, nearestTaskDue,
                hasOpenTask == null ? null : nearestTaskDue != null && nearestTaskDue.isBefore(clock.instant()), rs.getBoolean("closed"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private DirectoryUser.Ref ref(String userId) {
        return users.find(userId).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(userId, null, null));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Set<String> sortKeys() {
        return SORTABLE.keySet();
    }
}
