package ru.lomcrm.contracts.deal;

/**
 * A stage of a funnel.
 *
 * @param kind {@code open}, or the system stages {@code won} / {@code lost} of a closable funnel
 */
public record Stage(String code, String name, String kind) {

    public static final String OPEN = "open";
    public static final String WON = "won";
    public static final String LOST = "lost";

    public boolean isOpen() {
        return OPEN.equals(kind);
    }
}
