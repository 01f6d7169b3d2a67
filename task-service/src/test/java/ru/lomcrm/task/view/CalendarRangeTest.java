package ru.lomcrm.task.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CalendarRangeTest {

    @Test
    void aWeekRunsMondayToSundayAndAMonthFirstToLast() {
        LocalDate thursday = LocalDate.of(2026, 12, 31);
        assertThat(TaskQueries.range("day", thursday)).containsExactly(thursday, thursday);
        assertThat(TaskQueries.range("week", thursday)).containsExactly(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3));
        assertThat(TaskQueries.range("month", LocalDate.of(2028, 2, 10))).containsExactly(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29));
        assertThat(TaskQueries.range("week", LocalDate.of(2026, 12, 28))).containsExactly(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3));
    }
}
