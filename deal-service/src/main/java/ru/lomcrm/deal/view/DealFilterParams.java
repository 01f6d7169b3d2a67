package ru.lomcrm.deal.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ru.lomcrm.deal.view.DealQueries.Filter;
import ru.lomcrm.platform.web.InvalidRequestException;
import ru.lomcrm.platform.web.Tags;

/**
 * The filter of Сделки as the list and the board take it from the address (and as a saved filter
 * keeps it): every part optional, the parts combined with AND, repeatable ones (stage, tags,
 * source, grade) with OR inside.
 *
 * @param stage          stages to show (on the board: the columns)
 * @param withoutTask    open deals with no open task (rule 3)
 * @param overdueTask    open deals whose nearest open task is past its deadline
 * @param source         how the deals came in (manual, unsorted, mail, promotion, ...)
 * @param grade          deals with at least one delivery of one of these metal grades
 * @param deliveredFromT delivered in all, tonnes, at least
 * @param deliveredToT   delivered in all, tonnes, at most
 */
public record DealFilterParams(
        @Size(max = 30) List<@Size(max = 40) String> stage,
        @Size(max = 64) String owner,
        UUID contactId,
        UUID companyId,
        @Size(max = 20) List<@Size(max = 60) String> tags,
        @Pattern(regexp = "any|all", message = "any или all") String tagsMode,
        @Size(max = 200) String q,
        Instant createdFrom,
        Instant createdTo,
        Instant updatedFrom,
        Instant updatedTo,
        Instant closedFrom,
        Instant closedTo,
        Boolean closed,
        Boolean withoutTask,
        Boolean overdueTask,
        @Size(max = 10) List<@Size(max = 40) String> source,
        @Size(max = 30) List<@Size(max = 60) String> grade,
        @DecimalMin(value = "0", message = "не меньше 0") BigDecimal deliveredFromT,
        @DecimalMin(value = "0", message = "не меньше 0") BigDecimal deliveredToT) {

    public Filter toFilter(String funnel) {
        if (deliveredFromT != null && deliveredToT != null && deliveredFromT.compareTo(deliveredToT) > 0) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("deliveredToT", "меньше, чем «от»")));
        }
        return new Filter(funnel, blankToNull(stage), owner, contactId, companyId,
                tags == null || tags.isEmpty() ? null : tags.stream().map(Tags::key).distinct().toList(), "all".equals(tagsMode), q,
                createdFrom, createdTo, updatedFrom, updatedTo, closedFrom, closedTo, closed, Boolean.TRUE.equals(withoutTask),
                Boolean.TRUE.equals(overdueTask), blankToNull(source), blankToNull(grade),
                deliveredFromT == null ? null : deliveredFromT.movePointRight(3), deliveredToT == null ? null : deliveredToT.movePointRight(3));
    }

    private static List<String> blankToNull(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> present = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        return present.isEmpty() ? null : present;
    }
}
