package ru.lomcrm.platform.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;

/**
 * The demo realm's people in memory, for unit tests of rules that depend on who is in which
 * group. Integration tests use the real directory (Keycloak).
 */
public final class FixedUserDirectory implements UserDirectory {

    public static final String ACTIVE_SALES = "Активные продажи";
    public static final String CLIENT_DEPARTMENT = "Клиентский отдел";

    public static final DirectoryUser ADMIN = user("u-admin", "admin", Set.of(), Set.of("crm-admin"));
    public static final DirectoryUser HEAD = user("u-head", "head", Set.of(ACTIVE_SALES), Set.of("crm-head"));
    public static final DirectoryUser MANAGER1 = user("u-manager1", "manager1", Set.of(ACTIVE_SALES), Set.of("crm-manager"));
    public static final DirectoryUser MANAGER2 = user("u-manager2", "manager2", Set.of(ACTIVE_SALES), Set.of("crm-manager"));
    public static final DirectoryUser CLIENT1 = user("u-client1", "client1", Set.of(CLIENT_DEPARTMENT), Set.of("crm-manager"));
    public static final DirectoryUser HEAD2 = user("u-head2", "head2", Set.of(CLIENT_DEPARTMENT), Set.of("crm-head"));

    private static final List<DirectoryUser> ALL = List.of(ADMIN, HEAD, MANAGER1, MANAGER2, CLIENT1, HEAD2);

    @Override
    public List<DirectoryUser> activeUsers() {
        return ALL;
    }

    @Override
    public Optional<DirectoryUser> find(String userId) {
        return ALL.stream().filter(u -> u.id().equals(userId)).findFirst();
    }

    /** The caller as a verified token would describe this user. */
    public static CurrentUser caller(DirectoryUser user) {
        return new CurrentUser(user.id(), user.username(), user.name(), user.email(), user.roles(), user.groups());
    }

    private static DirectoryUser user(String id, String username, Set<String> groups, Set<String> roles) {
        return new DirectoryUser(id, username, username, username + "@lomcrm.local", groups, roles, true);
    }
}
