package ru.lomcrm.task.task;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import ru.lomcrm.platform.web.DomainException;

/**
 * When a task is due: at a moment ({@code at}), or on a whole day ({@code date}) of a time zone.
 * An all-day task becomes overdue when its day has ended in its zone.
 */
public record Due(Instant at, LocalDate date, String timeZone) {

    /** The company works in Moscow time unless a person says otherwise. */
    public static final String DEFAULT_ZONE = "Europe/Moscow";
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Checks a due given by a person: exactly one of a moment and a day, within sensible years. */
    public static Due of(Instant at, LocalDate date, String timeZone) {
        if (at == null && date == null) {
            throw DomainException.invalid("due-required", "Укажите срок: время (dueAt) или день без времени (dueDate).").about("dueAt");
        }
        if (at != null && date != null) {
            throw DomainException.invalid("due-ambiguous", "Укажите срок одним способом: время (dueAt) или день без времени (dueDate).")
                    .about("dueDate");
        }
        if (at != null) {
            if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
                throw DomainException.invalid("due-out-of-range", "Срок должен быть между 2000 и 2100 годом.").about("dueAt");
            }
            return new Due(at, null, null);
        }
        String zone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : timeZone.strip();
        zone(zone);
        if (date.getYear() < 2000 || date.getYear() >= 2100) {
            throw DomainException.invalid("due-out-of-range", "Срок должен быть между 2000 и 2100 годом.").about("dueDate");
        }
        return new Due(null, date, zone);
    }

    /** A zone id a person sent, or 4xx naming the field. */
    public static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw DomainException.invalid("time-zone-invalid", "Неизвестный часовой пояс «" + zone + "».").about("timeZone");
        }
    }

    public boolean allDay() {
        return at == null;
    }

    /** The moment after which the task is overdue. */
    public Instant deadline() {
        return at != null ? at : date.plusDays(1).atStartOfDay(ZoneId.of(timeZone)).toInstant();
    }

    /** Where it sorts among timed tasks: its moment, or the start of its day. */
    public Instant start() {
        return at != null ? at : date.atStartOfDay(ZoneId.of(timeZone)).toInstant();
    }
}
