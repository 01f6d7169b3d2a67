package ru.lomcrm.contracts.party;

import java.util.List;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A company's card changed: its name, INN and means of contact as they are now. */
public record CompanyUpdated(UUID companyId, String name, String inn, List<String> phones, List<String> emails)
        implements IntegrationEvent {

    public CompanyUpdated {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
