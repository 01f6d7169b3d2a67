package ru.lomcrm.party.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.party.CompanyArchived;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.CompanyUpdated;
import ru.lomcrm.contracts.party.ContactArchived;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.contracts.party.PartyMergedInto;
import ru.lomcrm.contracts.party.PartyOwnerChanged;
import ru.lomcrm.party.party.PartyCard;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;

/**
 * Who already holds a phone, an e-mail or an INN ({@code party_identity}). Kept by a subscribing
 * processor in the same transaction as the party's events, with a unique index over the keys
 * of parties that were not force-created: two managers racing to create the same client cannot
 * both succeed.
 */
@Component
@ProcessingGroup(PartyIdentities.PROCESSING_GROUP)
public class PartyIdentities {

    public static final String PROCESSING_GROUP = "party-identity";

    private final NamedParameterJdbcTemplate jdbc;
    private final UserDirectory users;

    protected PartyIdentities(NamedParameterJdbcTemplate jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    public record Match(UUID partyId, String partyType, String name, DirectoryUser.Ref owner, String matchedOn) {
    }

    public static List<String> keys(List<String> phones, List<String> emails, String inn) {
        List<String> keys = new ArrayList<>();
        phones.forEach(p -> keys.add("phone:" + p));
        emails.forEach(e -> keys.add("email:" + e));
        if (inn != null) {
            keys.add("inn:" + inn);
        }
        return keys;
    }

    /** Active parties other than {@code self} holding any of the keys. */
    public List<Match> matches(List<String> keys, UUID self) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT DISTINCT ON (party_id) party_id, party_type, name, owner_id, key FROM party_identity
                WHERE key IN (:keys) AND NOT archived AND (CAST(:self AS uuid) IS NULL OR party_id <> CAST(:self AS uuid))
                ORDER BY party_id, key""", new MapSqlParameterSource("keys", keys).addValue("self", self == null ? null : self.toString()),
                (rs, n) -> new Match(rs.getObject("party_id", UUID.class), rs.getString("party_type"), rs.getString("name"),
                        users.find(rs.getString("owner_id")).map(DirectoryUser::ref)
                                .orElse(new DirectoryUser.Ref(rs.getString("owner_id"), null, null)),
                        rs.getString("key").substring(0, rs.getString("key").indexOf(':'))));
    }

    /**
     * Rule 5: a duplicate is refused naming the existing party and its owner; a head or an admin
     * may still create it ({@code force}), and the event records that.
     */
    public void requireNoDuplicate(UUID self, PartyCard card, boolean force, CurrentUser caller) {
        List<Match> found = matches(keys(card.phones(), card.emails(), card.inn()), self);
        if (found.isEmpty()) {
            return;
        }
        if (force) {
            if (!caller.isAdmin() && !caller.isHead()) {
                throw DomainException.forbidden("force-forbidden", "Создать дубль может только руководитель или администратор.");
            }
            return;
        }
        Match existing = found.get(0);
        String what = "contact".equals(existing.partyType()) ? "Контакт" : "Компания";
        String owner = existing.owner().name() != null ? existing.owner().name() : "другой менеджер";
        String on = switch (existing.matchedOn()) {
            case "phone" -> "тем же телефоном";
            case "email" -> "тем же e-mail";
            default -> "тем же ИНН";
        };
        throw DomainException.conflict("duplicate-party", what + " «" + existing.name() + "» с " + on + " уже есть, ответственный — "
                        + owner + ". Обратитесь к нему или к руководителю.")
                .with("existingId", existing.partyId()).with("existingType", existing.partyType()).with("owner", existing.owner());
    }

    @EventHandler
    void on(ContactCreated e) {
        replace(e.contactId(), "contact", e.name(), e.ownerId(), keys(e.phones(), e.emails(), null), e.forced());
    }

    @EventHandler
    void on(CompanyCreated e) {
        replace(e.companyId(), "company", e.name(), e.ownerId(), keys(e.phones(), e.emails(), e.inn()), e.forced());
    }

    @EventHandler
    void on(ContactUpdated e) {
        update(e.contactId(), e.name(), keys(e.phones(), e.emails(), null));
    }

    @EventHandler
    void on(CompanyUpdated e) {
        update(e.companyId(), e.name(), keys(e.phones(), e.emails(), e.inn()));
    }

    @EventHandler
    void on(ContactArchived e) {
        jdbc.update("UPDATE party_identity SET archived = true WHERE party_id = :id", Map.of("id", e.contactId()));
    }

    @EventHandler
    void on(CompanyArchived e) {
        jdbc.update("UPDATE party_identity SET archived = true WHERE party_id = :id", Map.of("id", e.companyId()));
    }

    /** A merged duplicate gives up its phones, e-mails and INN: the survivor takes them in the same transaction. */
    @EventHandler
    void on(PartyMergedInto e) {
        jdbc.update("UPDATE party_identity SET archived = true WHERE party_id = :id", Map.of("id", e.partyId()));
    }

    @EventHandler
    void on(PartyOwnerChanged e) {
        jdbc.update("UPDATE party_identity SET owner_id = :owner WHERE party_id = :id", Map.of("owner", e.toOwnerId(), "id", e.partyId()));
    }

    private void update(UUID id, String name, List<String> keys) {
        var row = jdbc.query("SELECT party_type, owner_id, forced FROM party_identity WHERE party_id = :id LIMIT 1",
                Map.of("id", id), (rs, n) -> new Object[] {rs.getString("party_type"), rs.getString("owner_id"), rs.getBoolean("forced")})
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("No identity rows for party " + id));
        replace(id, (String) row[0], name, (String) row[1], keys, (Boolean) row[2]);
    }

    private void replace(UUID id, String type, String name, String ownerId, List<String> keys, boolean forced) {
        jdbc.update("DELETE FROM party_identity WHERE party_id = :id", Map.of("id", id));
        // keeps a row even without keys, so that the party's type and owner are known here
        List<String> rows = keys.isEmpty() ? List.of("none:" + id) : keys;
        for (String key : rows) {
            jdbc.update("""
                    INSERT INTO party_identity (key, party_id, party_type, name, owner_id, forced, archived)
                    VALUES (:key, :id, :type, :name, :owner, :forced, false)""",
                    new MapSqlParameterSource("key", key).addValue("id", id).addValue("type", type).addValue("name", name)
                            .addValue("owner", ownerId).addValue("forced", forced));
        }
    }
}
