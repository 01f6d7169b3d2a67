package ru.lomcrm.analytics.summary;

/** The running totals behind {@code GET /api/analytics/summary}. */
enum SummaryCounter {
    DEALS_CREATED("deals_created");

    private final String column;

    SummaryCounter(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
