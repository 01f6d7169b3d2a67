package ru.lomcrm.contracts.task;

import java.util.UUID;

/**
 * What a task is about: one deal, one contact or one company (a task may also be about
 * nothing; then the link is {@code null}).
 *
 * @param type {@code deal}, {@code contact} or {@code company}
 * @param id   the deal's, contact's or company's id in its owning service
 */
public record TaskLink(String type, UUID id) {

    public static final String DEAL = "deal";
    public static final String CONTACT = "contact";
    public static final String COMPANY = "company";

    /** Whether {@code link} names a deal (null-safe; static so that JSON sees no extra property). */
    public static boolean toDeal(TaskLink link) {
        return link != null && DEAL.equals(link.type());
    }

    public static TaskLink deal(UUID dealId) {
        return new TaskLink(DEAL, dealId);
    }
}
