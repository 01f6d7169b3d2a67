package ru.lomcrm.contracts.party;

import java.util.List;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A company (an organisation) was added. Topic {@link ru.lomcrm.contracts.Topics#PARTY}. */
public record CompanyCreated(UUID companyId, String name, String inn, List<String> phones, List<String> emails, String ownerId,
                             String legalName, String kpp, String ogrn, String address, String site, String notes, boolean forced)
        implements IntegrationEvent {

    public CompanyCreated {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    public CompanyCreated(UUID companyId, String name, String inn, List<String> phones, List<String> emails, String ownerId) {
        this(companyId, name, inn, phones, emails, ownerId, null, null, null, null, null, null, false);
    }
}
