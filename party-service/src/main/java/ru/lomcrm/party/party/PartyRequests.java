package ru.lomcrm.party.party;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import ru.lomcrm.platform.web.Emails;
import ru.lomcrm.platform.web.Text;
import ru.lomcrm.party.identity.Inn;
import ru.lomcrm.platform.web.PhoneNumbers;

/**
 * The body of a contact or company, as sent (create: {@code name} required; patch: everything
 * optional, "" or [] clears). Normalised here so that the aggregate sees one spelling.
 */
public record PartyRequests(
        @Size(max = 300, message = "не длиннее 300 символов") String name,
        @Size(max = 200, message = "не длиннее 200 символов") String position,
        @Size(max = 10, message = "не больше 10 телефонов") List<@Size(max = 40, message = "не длиннее 40 символов") String> phones,
        Map<String, @Size(max = 20) String> phoneTypes,
        @Size(max = 10, message = "не больше 10 адресов") List<@Size(max = 200, message = "не длиннее 200 символов") String> emails,
        @Size(max = 10) List<@Size(max = 100, message = "не длиннее 100 символов") String> messengers,
        @Size(max = 500, message = "не длиннее 500 символов") String address,
        @Size(max = 5000, message = "не длиннее 5000 символов") String notes,
        @Size(max = 300, message = "не длиннее 300 символов") String legalName,
        @Size(max = 20, message = "не длиннее 20 символов") String inn,
        @Size(max = 9, message = "9 цифр") String kpp,
        @Size(max = 15, message = "13 или 15 цифр") String ogrn,
        @Size(max = 200, message = "не длиннее 200 символов") String site,
        UUID companyId,
        @Size(max = 64) String ownerId,
        Boolean force) {

    boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    PartyCard card() {
        List<String> normalPhones = phones == null ? null : normalized(phones, "phones", true);
        Map<String, String> types = null;
        if (phoneTypes != null && normalPhones != null) {
            types = new LinkedHashMap<>();
            for (var entry : phoneTypes.entrySet()) {
                types.put(PhoneNumbers.normalize(entry.getKey(), "phoneTypes"), entry.getValue());
            }
        }
        Text.requireVisible(name, "name");
        Text.requireVisible(legalName, "legalName");
        return new PartyCard(name, normalPhones, types, emails == null ? null : normalized(emails, "emails", false), address, notes,
                position, messengers, legalName, inn == null ? null : inn.isBlank() ? "" : Inn.normalize(inn, "inn"), kpp, ogrn, site);
    }

    private static List<String> normalized(List<String> values, String field, boolean phone) {
        var result = new LinkedHashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isBlank()) {
                result.add(phone ? PhoneNumbers.normalize(value, field + "[" + i + "]") : Emails.normalize(value, field + "[" + i + "]"));
            }
        }
        return new ArrayList<>(result);
    }
}
