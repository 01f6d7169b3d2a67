package ru.lomcrm.contracts.deal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The card fields of a deal besides its title and parties.
 *
 * @param expectedMonthlyVolumeT expected monthly volume, tonnes
 * @param metalGrades            grades the supplier brings (e.g. "3А", "медь")
 * @param questionnaire          the qualification анкета
 */
public record DealDetails(
        BigDecimal expectedMonthlyVolumeT,
        List<String> metalGrades,
        String priceTerms,
        String address,
        String notes,
        Questionnaire questionnaire) {

    public static final DealDetails EMPTY = new DealDetails(null, List.of(), null, null, null, Questionnaire.EMPTY);

    public DealDetails {
        metalGrades = metalGrades == null ? List.of() : List.copyOf(metalGrades);
        questionnaire = questionnaire == null ? Questionnaire.EMPTY : questionnaire;
    }

    /**
     * Анкета: how a lead is qualified.
     *
     * @param delivery {@code own} (the supplier brings it) or {@code pickup} (we collect)
     */
    public record Questionnaire(String scrapType, String volumes, String location, String delivery, String paymentTerms,
                                String frequency) {

        public static final Questionnaire EMPTY = new Questionnaire(null, null, null, null, null, null);
    }
}
