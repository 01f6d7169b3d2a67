package ru.lomcrm.contracts.party;

import java.util.List;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A company's card changed: its fields as they are now. */
public record CompanyUpdated(UUID companyId, String name, String inn, List<String> phones, List<String> emails, String legalName,
                             String kpp, String ogrn, String address, String site, String notes) implements IntegrationEvent {

    public CompanyUpdated {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    public CompanyUpdated(UUID companyId, String name, String inn, List<String> phones, List<String> emails) {
        this(companyId, name, inn, phones, emails, null, null, null, null, null, null);
    }
}
