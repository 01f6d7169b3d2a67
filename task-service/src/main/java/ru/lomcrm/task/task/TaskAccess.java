package ru.lomcrm.task.task;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;

/**
 * Rule 10 for tasks: a task is seen by whoever may see its assignee's records (own / group /
 * all), and — if it is about a deal — only by those who may also see that deal.
 */
@Component
public class TaskAccess {

    static final String NOT_FOUND = "Задача не найдена.";
    private static final Set<String> LINK_TYPES = Set.of(TaskLink.DEAL, TaskLink.CONTACT, TaskLink.COMPANY);

    private final Ownership ownership;
    private final LinkTargets links;
    private final UserDirectory users;

    public TaskAccess(Ownership ownership, LinkTargets links, UserDirectory users) {
        this.ownership = ownership;
        this.links = links;
        this.users = users;
    }

    public boolean canSee(CurrentUser caller, String assigneeId, TaskLink link) {
        if (!ownership.canSee(caller, assigneeId)) {
            return false;
        }
        if (!TaskLink.toDeal(link) || caller.isAdmin()) {
            return true;
        }
        return links.dealOwner(link.id()).map(owner -> ownership.canSee(caller, owner)).orElse(false);
    }

    /** 404 when the caller may not see the task: its existence is not revealed. */
    public void requireVisible(CurrentUser caller, String assigneeId, TaskLink link) {
        if (!canSee(caller, assigneeId, link)) {
            throw DomainException.notFound("not-found", NOT_FOUND);
        }
    }

    /** Who may be made the assignee: oneself; a head — a member of their groups; an admin — anyone active (403 otherwise). */
    public void requireAssignable(CurrentUser caller, String assigneeId) {
        ownership.requireAssignable(caller, assigneeId);
    }

    /**
     * A link a person sets: a known deal both the caller and the assignee may see (a task its
     * assignee could not see would be lost), or a known contact or company the caller may see (one
     * known from before its owner was kept is let through).
     */
    public TaskLink requireLinkable(CurrentUser caller, String assigneeId, TaskLink link) {
        if (link == null) {
            return null;
        }
        if (link.type() == null || !LINK_TYPES.contains(link.type())) {
            throw DomainException.invalid("link-type-invalid", "Задачу можно привязать к сделке (deal), контакту (contact) или компании (company).")
                    .about("link.type");
        }
        if (link.id() == null) {
            throw DomainException.invalid("link-id-required", "Укажите, к чему привязать задачу (link.id).").about("link.id");
        }
        if (TaskLink.toDeal(link)) {
            String owner = links.dealOwner(link.id()).filter(o -> caller.isAdmin() || ownership.canSee(caller, o))
                    .orElseThrow(() -> DomainException.invalid("link-not-found", "Сделка не найдена.").about("link.id"));
            Optional<DirectoryUser> assignee = users.find(assigneeId);
            if (assignee.isPresent() && !asCaller(assignee.get()).isAdmin() && !ownership.canSee(asCaller(assignee.get()), owner)) {
                throw DomainException.invalid("assignee-cannot-see-deal",
                        "Исполнитель не видит эту сделку: назначьте задачу ответственному за сделку или его руководителю.").about("assigneeId");
            }
            return link;
        }
        // a contact or company the caller may see: a task must not carry another manager's client's name
        boolean visible = links.party(link)
                .map(party -> party.ownerId() == null || caller.isAdmin() || ownership.canSee(caller, party.ownerId())).orElse(false);
        if (!visible) {
            throw DomainException.invalid("link-not-found", TaskLink.CONTACT.equals(link.type()) ? "Контакт не найден." : "Компания не найдена.")
                    .about("link.id");
        }
        return link;
    }

    /** Whether this person (not a caller: e.g. a task's assignee) may see the deal owned by {@code dealOwnerId}. */
    public boolean userSeesDeal(String userId, String dealOwnerId) {
        return users.find(userId).map(u -> {
            CurrentUser user = asCaller(u);
            return user.isAdmin() || ownership.canSee(user, dealOwnerId);
        }).orElse(false);
    }

    private static CurrentUser asCaller(DirectoryUser user) {
        return new CurrentUser(user.id(), user.username(), user.name(), user.email(), user.roles(), user.groups());
    }
}
