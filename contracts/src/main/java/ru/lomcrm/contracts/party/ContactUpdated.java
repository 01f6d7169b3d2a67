package ru.lomcrm.contracts.party;

import java.util.List;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A contact's card changed: its name and means of contact as they are now. */
public record ContactUpdated(UUID contactId, String name, List<String> phones, List<String> emails) implements IntegrationEvent {

    public ContactUpdated {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
