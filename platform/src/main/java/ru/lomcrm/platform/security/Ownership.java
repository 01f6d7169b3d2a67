package ru.lomcrm.platform.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;

/**
 * Rule 10: a manager sees and edits their own records, a head also those owned by members of
 * their groups, an admin everything. The <em>owner's</em> groups come from the user directory.
 */
public class Ownership {

    private final UserDirectory directory;

    public Ownership(UserDirectory directory) {
        this.directory = directory;
    }

    public boolean canSee(CurrentUser caller, String ownerId) {
        if (caller.isAdmin() || caller.id().equals(ownerId)) {
            return true;
        }
        if (!caller.isHead() || ownerId == null) {
            return false;
        }
        Set<String> ownerGroups = directory.find(ownerId).map(DirectoryUser::groups).orElse(Set.of());
        return ownerGroups.stream().anyMatch(caller.groups()::contains);
    }

    /** Owners whose records the caller sees; empty means "everyone's" (admin). */
    public Optional<Set<String>> visibleOwners(CurrentUser caller) {
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        Set<String> owners = new HashSet<>();
        owners.add(caller.id());
        if (caller.isHead()) {
            // disabled members too: a head must still find (and hand over) the records of someone who left
            directory.everyone().stream().filter(u -> u.groups().stream().anyMatch(caller.groups()::contains))
                    .forEach(member -> owners.add(member.id()));
        }
        return Optional.of(owners);
    }

    /** 404 when the caller may not see the record: its existence is not revealed. */
    public void requireVisible(CurrentUser caller, String ownerId, String notFoundMessage) {
        if (!canSee(caller, ownerId)) {
            throw DomainException.notFound("not-found", notFoundMessage);
        }
    }

    /**
     * Who may make {@code ownerId} the owner of a new record: the person themself, a head for a
     * member of their groups, an admin for anyone active.
     */
    public void requireAssignable(CurrentUser caller, String ownerId) {
        if (caller.id().equals(ownerId)) {
            return;
        }
        if (!caller.isAdmin() && !(caller.isHead() && canSee(caller, ownerId))) {
            throw DomainException.forbidden("owner-not-allowed",
                    "Назначить ответственным можно себя; руководитель — участника своей группы; администратор — любого.");
        }
        if (directory.find(ownerId).filter(DirectoryUser::enabled).isEmpty()) {
            throw DomainException.invalid("unknown-user", "Пользователь не найден или отключён.").about("ownerId");
        }
    }

    /**
     * Who may give a record to another person: the head of the current owner's group, or an
     * admin; and the new owner must be an active user.
     */
    public void requireOwnerChange(CurrentUser caller, String currentOwnerId, String newOwnerId) {
        boolean headOfBoth = caller.isHead() && canSee(caller, currentOwnerId) && canSee(caller, newOwnerId);
        if (!caller.isAdmin() && !headOfBoth) {
            throw DomainException.forbidden("owner-change-forbidden",
                    "Сменить ответственного может только руководитель группы ответственного или администратор.");
        }
        if (directory.find(newOwnerId).filter(DirectoryUser::enabled).isEmpty()) {
            throw DomainException.invalid("unknown-user", "Пользователь не найден или отключён.");
        }
    }
}
