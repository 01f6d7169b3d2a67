package ru.lomcrm.party.party;

import java.util.List;
import java.util.Map;

/**
 * The editable fields of a contact or a company, normalised (phones E.164, e-mails lower case,
 * INN checked). Contact-only and company-only fields are null for the other kind.
 */
public record PartyCard(String name, List<String> phones, Map<String, String> phoneTypes, List<String> emails, String address,
                        String notes, String position, List<String> messengers, String legalName, String inn, String kpp, String ogrn,
                        String site) {

    /** Lists and maps left null mean "unchanged" in a patch; {@link #complete()} makes them empty. */
    public PartyCard complete() {
        return new PartyCard(name, phones == null ? List.of() : List.copyOf(phones), phoneTypes == null ? Map.of() : Map.copyOf(phoneTypes),
                emails == null ? List.of() : List.copyOf(emails), address, notes, position,
                messengers == null ? List.of() : List.copyOf(messengers), legalName, inn, kpp, ogrn, site);
    }
}
