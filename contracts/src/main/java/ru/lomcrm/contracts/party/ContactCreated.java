package ru.lomcrm.contracts.party;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * A contact (a person) was added. Topic {@link ru.lomcrm.contracts.Topics#PARTY}.
 *
 * @param phones     normalised, E.164 ("+79161234567")
 * @param phoneTypes number → its label (mobile, work, home, other)
 * @param emails     lower-cased
 * @param forced     created although it matched an existing party (a head or admin decided so)
 */
public record ContactCreated(UUID contactId, String name, List<String> phones, List<String> emails, String ownerId,
                             String position, Map<String, String> phoneTypes, List<String> messengers, String address, String notes,
                             List<UUID> companyIds, boolean forced) implements IntegrationEvent {

    public ContactCreated {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        phoneTypes = phoneTypes == null ? Map.of() : Map.copyOf(phoneTypes);
        messengers = messengers == null ? List.of() : List.copyOf(messengers);
        companyIds = companyIds == null ? List.of() : List.copyOf(companyIds);
    }

    /** The short form other services need. */
    public ContactCreated(UUID contactId, String name, List<String> phones, List<String> emails, String ownerId) {
        this(contactId, name, phones, emails, ownerId, null, null, null, null, null, null, false);
    }
}
