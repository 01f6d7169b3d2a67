package ru.lomcrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void aTagKeepsThePersonsSpellingWithOneHashAndSingleSpaces() {
        assertThat(Tags.normalize("  ##склад   Подольск ")).isEqualTo("#склад Подольск");
        assertThat(Tags.normalize("НДС")).isEqualTo("#НДС");
    }

    @Test
    void spellingsThatDifferOnlyInCaseAreOneTag() {
        assertThat(Tags.key("#Склад подольск")).isEqualTo(Tags.key("склад ПОДОЛЬСК"));
        assertThat(Tags.normalize(List.of("#Долгая оплата", "долгая  оплата", "#НДС"))).containsExactly("#Долгая оплата", "#НДС");
        assertThat(Tags.find(Set.of("#склад Подольск"), "#СКЛАД подольск")).isEqualTo("#склад Подольск");
        assertThat(Tags.find(Set.of("#склад Подольск"), "#склад Москва")).isNull();
    }

    @Test
    void anEmptyOrTooLongTagIsRefused() {
        assertThatThrownBy(() -> Tags.normalize(" # ")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Tags.normalize("#" + "я".repeat(60))).isInstanceOf(DomainException.class);
    }
}
