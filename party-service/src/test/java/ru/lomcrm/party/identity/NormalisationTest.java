package ru.lomcrm.party.identity;

import ru.lomcrm.platform.web.Emails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.PhoneNumbers;

class NormalisationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "+7 916 123-45-67      | +79161234567",
            "8 (916) 123-45-67     | +79161234567",
            "89161234567           | +79161234567",
            "79161234567           | +79161234567",
            "9161234567            | +79161234567",
            "+7(916)1234567        | +79161234567",
            "8-916-123-45-67       | +79161234567",
            "  +7 (495) 123 45 67  | +74951234567",
            "8 (495) 123-45-67     | +74951234567",
            "8 800 555-35-35       | +78005553535",
            "+7 (343) 222-33-44    | +73432223344",
            "+375 29 123-45-67     | +375291234567",
            "+49 30 12345678       | +493012345678"})
    void phonesAreWrittenOneWay(String raw, String e164) {
        assertThat(PhoneNumbers.normalize(raw, "phones")).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "+7 916 123", "телефон", "8 (000) 000-00-00", "+7 916 123-45-67-89-00"})
    void impossiblePhonesAreRefusedNamingTheField(String raw) {
        assertThatThrownBy(() -> PhoneNumbers.normalize(raw, "phones[0]"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("phones[0]"));
    }

    @ParameterizedTest(name = "ИНН {0}")
    @ValueSource(strings = {"7707083893", "7736207543", "500100732259", "7830002293", " 7707 083893 "})
    void validInnsPass(String inn) {
        assertThat(Inn.normalize(inn, "inn")).matches("\\d{10}|\\d{12}");
    }

    @ParameterizedTest(name = "ИНН {0}")
    @ValueSource(strings = {"7707083894", "1234567890", "500100732250", "12345", "77070838931", "abcdefghij"})
    void innsWithAWrongLengthOrChecksumAreRefused(String inn) {
        assertThatThrownBy(() -> Inn.normalize(inn, "inn")).isInstanceOf(DomainException.class);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"Ivan@Metall.RU, ivan@metall.ru", "  buy@lom.ru , buy@lom.ru"})
    void emailsAreLowerCased(String raw, String normal) {
        assertThat(Emails.normalize(raw, "emails")).isEqualTo(normal);
    }
}
