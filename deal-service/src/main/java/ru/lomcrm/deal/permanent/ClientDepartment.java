package ru.lomcrm.deal.permanent;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ru.lomcrm.platform.security.Roles;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;

/**
 * Who takes a new permanent client (rule 1: "owned by the client department"): the head of the
 * department ({@code crm.promotion.distribution=head}, the default) or its managers in turn
 * ({@code members}: the same client always lands with the same manager, so a retried promotion
 * cannot pick another).
 */
@Component
class ClientDepartment {

    private final UserDirectory users;
    private final String group;
    private final String distribution;

    ClientDepartment(UserDirectory users, @Value("${crm.promotion.department:Клиентский отдел}") String group,
                     @Value("${crm.promotion.distribution:head}") String distribution) {
        this.users = users;
        this.group = group;
        this.distribution = distribution;
    }

    Optional<String> ownerFor(UUID client) {
        List<DirectoryUser> members = users.members(group).stream().sorted(Comparator.comparing(DirectoryUser::username)).toList();
        Optional<DirectoryUser> head = members.stream().filter(u -> u.roles().contains(Roles.HEAD)).findFirst();
        if ("members".equals(distribution)) {
            List<DirectoryUser> managers = members.stream().filter(u -> !u.roles().contains(Roles.HEAD)).toList();
            if (!managers.isEmpty()) {
                return Optional.of(managers.get(Math.floorMod(client.hashCode(), managers.size())).id());
            }
        }
        return head.or(() -> members.stream().findFirst()).map(DirectoryUser::id);
    }
}
