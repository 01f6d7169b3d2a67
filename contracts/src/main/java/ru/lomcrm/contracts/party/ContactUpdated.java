package ru.lomcrm.contracts.party;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A contact's card changed: its fields as they are now. */
public record ContactUpdated(UUID contactId, String name, List<String> phones, List<String> emails, String position,
                             Map<String, String> phoneTypes, List<String> messengers, String address, String notes) implements IntegrationEvent {

    public ContactUpdated {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        phoneTypes = phoneTypes == null ? Map.of() : Map.copyOf(phoneTypes);
        messengers = messengers == null ? List.of() : List.copyOf(messengers);
    }

    public ContactUpdated(UUID contactId, String name, List<String> phones, List<String> emails) {
        this(contactId, name, phones, emails, null, null, null, null, null);
    }
}
