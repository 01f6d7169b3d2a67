package ru.lomcrm.platform.users;

import java.util.List;
import java.util.Optional;

/** Who works here, in which groups, with which roles. */
public interface UserDirectory {

    /** Active users, by name. */
    List<DirectoryUser> activeUsers();

    /** Everyone, disabled users too (their records still belong to someone). */
    default List<DirectoryUser> everyone() {
        return activeUsers();
    }

    Optional<DirectoryUser> find(String userId);

    /** Active members of a group (by its name, e.g. "Активные продажи"). */
    default List<DirectoryUser> members(String group) {
        return activeUsers().stream().filter(u -> u.groups().contains(group)).toList();
    }
}
