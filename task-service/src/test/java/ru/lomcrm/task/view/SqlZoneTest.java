package ru.lomcrm.task.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.web.InvalidRequestException;

/** The calendar's slots in PostgreSQL: a fixed offset must not be read the POSIX way, sign reversed. */
class SqlZoneTest {

    @Test
    void aRegionKeepsItsNameAndAFixedOffsetIsNamedSoPostgresReadsItTheRightWayRound() {
        assertThat(TaskQueries.sqlZone(ZoneId.of("Europe/Moscow"))).isEqualTo("Europe/Moscow");
        assertThat(TaskQueries.sqlZone(ZoneId.of("+03:00"))).isEqualTo("Etc/GMT-3");
        assertThat(TaskQueries.sqlZone(ZoneId.of("UTC-05:00"))).isEqualTo("Etc/GMT+5");
        assertThat(TaskQueries.sqlZone(ZoneId.of("Z"))).isEqualTo("UTC");
        assertThatThrownBy(() -> TaskQueries.sqlZone(ZoneId.of("+05:30"))).isInstanceOf(InvalidRequestException.class);
    }
}
