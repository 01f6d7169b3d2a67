package ru.lomcrm.contracts.party;

import java.util.List;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * A contact (a person) was added. Topic {@link ru.lomcrm.contracts.Topics#PARTY}.
 *
 * @param phones normalised, E.164 ("+79161234567")
 * @param emails lower-cased
 */
public record ContactCreated(UUID contactId, String name, List<String> phones, List<String> emails, String ownerId)
        implements IntegrationEvent {

    public ContactCreated {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
