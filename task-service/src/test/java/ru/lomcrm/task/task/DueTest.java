package ru.lomcrm.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.web.DomainException;

class DueTest {

    @Test
    void aWholeDayEndsAtMidnightOfItsZone() {
        Due moscow = Due.of(null, LocalDate.of(2026, 12, 31), null);
        assertThat(moscow.timeZone()).isEqualTo("Europe/Moscow");
        assertThat(moscow.start()).isEqualTo(Instant.parse("2026-12-30T21:00:00Z"));
        assertThat(moscow.deadline()).isEqualTo(Instant.parse("2026-12-31T21:00:00Z"));
        assertThat(Due.of(null, LocalDate.of(2026, 12, 31), "Asia/Vladivostok").deadline()).isEqualTo(Instant.parse("2026-12-31T14:00:00Z"));
    }

    @Test
    void aMomentIsItsOwnDeadlineAndCarriesNoZone() {
        Due due = Due.of(Instant.parse("2026-12-01T09:30:00Z"), null, "Asia/Vladivostok");
        assertThat(due.deadline()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(due.timeZone()).isNull();
        assertThat(due.allDay()).isFalse();
    }

    @Test
    void outOfRangeDatesAreRefused() {
        assertThatThrownBy(() -> Due.of(Instant.parse("1999-12-31T23:59:59Z"), null, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Due.of(null, LocalDate.of(2100, 1, 1), null)).isInstanceOf(DomainException.class);
    }
}
