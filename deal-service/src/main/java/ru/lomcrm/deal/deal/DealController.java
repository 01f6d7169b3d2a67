package ru.lomcrm.deal.deal;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.users.DirectoryUser;

@RestController
@RequestMapping("/api/deals")
public class DealController {

    static final String DEFAULT_FUNNEL = "scrap";
    static final String FIRST_STAGE = "lead";

    private final CommandGateway commands;

    public DealController(CommandGateway commands) {
        this.commands = commands;
    }

    public record CreateDealRequest(
            @NotBlank(message = "укажите название сделки") @Size(max = Deal.MAX_TITLE_LENGTH, message = "не длиннее 200 символов")
            String title) {
    }

    public record DealResponse(UUID id, String title, String funnel, String stage, DirectoryUser.Ref owner, String source) {
    }

    @PostMapping
    public ResponseEntity<DealResponse> create(@Valid @RequestBody CreateDealRequest request, CurrentUser user) {
        UUID id = UUID.randomUUID();
        var command = new CreateDeal(id, request.title(), DEFAULT_FUNNEL, FIRST_STAGE, user.id(), "manual");
        commands.sendAndWait(Actors.command(command, user.id()));
        var body = new DealResponse(id, command.title().strip(), command.funnel(), command.stage(),
                new DirectoryUser.Ref(user.id(), user.username(), user.name()), command.source());
        return ResponseEntity.created(URI.create("/api/deals/" + id)).body(body);
    }
}
