package ru.lomcrm.deal.funnel;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.deal.funnel.FunnelCatalog.FunnelView;
import ru.lomcrm.deal.funnel.FunnelCommands.AddStage;
import ru.lomcrm.deal.funnel.FunnelCommands.CreateFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.RemoveFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.RemoveStage;
import ru.lomcrm.deal.funnel.FunnelCommands.RenameFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.RenameStage;
import ru.lomcrm.deal.funnel.FunnelCommands.ReorderStages;
import ru.lomcrm.deal.funnel.FunnelCommands.StageSpec;
import ru.lomcrm.deal.view.DealQueries;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.DomainException;

/** Funnels and their stages: everyone reads them, only an admin changes them. */
@RestController
@RequestMapping("/api/funnels")
class FunnelController {

    private final FunnelCatalog catalog;
    private final CommandGateway commands;
    private final DealQueries deals;

    FunnelController(FunnelCatalog catalog, CommandGateway commands, DealQueries deals) {
        this.catalog = catalog;
        this.commands = commands;
        this.deals = deals;
    }

    public record Funnels(List<FunnelView> items) {
    }

    public record NewFunnel(@NotBlank(message = "укажите код") @Size(max = 40) String code,
                            @NotBlank(message = "укажите название") @Size(max = 100) String name,
                            Boolean closable,
                            @NotEmpty(message = "нужен хотя бы один этап") @Size(max = 30) List<@Valid NewStage> stages) {
    }

    public record NewStage(@NotBlank(message = "укажите код") @Size(max = 40) String code,
                           @NotBlank(message = "укажите название") @Size(max = 100) String name,
                           Integer position) {
    }

    public record Name(@NotBlank(message = "укажите название") @Size(max = 100, message = "не длиннее 100 символов") String name) {
    }

    public record Order(@NotEmpty(message = "укажите порядок этапов") @Size(max = 30) List<@NotBlank String> order) {
    }

    @GetMapping
    Funnels funnels() {
        return new Funnels(catalog.all());
    }

    @GetMapping("/{code}")
    FunnelView funnel(@PathVariable String code) {
        return catalog.find(code).orElseThrow(() -> DomainException.notFound("unknown-funnel", "Воронки «" + code + "» нет."));
    }

    @PostMapping
    ResponseEntity<FunnelView> create(@Valid @RequestBody NewFunnel body, CurrentUser caller) {
        requireAdmin(caller);
        if (catalog.find(body.code()).isPresent()) {
            throw DomainException.conflict("funnel-exists", "Воронка с кодом «" + body.code() + "» уже есть.");
        }
        int position = catalog.all().stream().mapToInt(FunnelView::position).max().orElse(-1) + 1;
        send(new CreateFunnel(body.code(), body.name(), Boolean.TRUE.equals(body.closable()), position,
                body.stages().stream().map(s -> new StageSpec(s.code(), s.name())).toList()), caller);
        return ResponseEntity.created(URI.create("/api/funnels/" + body.code())).body(funnel(body.code()));
    }

    @PatchMapping("/{code}")
    FunnelView rename(@PathVariable String code, @Valid @RequestBody Name body, CurrentUser caller) {
        requireAdmin(caller);
        send(new RenameFunnel(existing(code), body.name()), caller);
        return funnel(code);
    }

    @PostMapping("/{code}/stages")
    FunnelView addStage(@PathVariable String code, @Valid @RequestBody NewStage body, CurrentUser caller) {
        requireAdmin(caller);
        send(new AddStage(existing(code), body.code(), body.name(), body.position()), caller);
        return funnel(code);
    }

    @PatchMapping("/{code}/stages/{stage}")
    FunnelView renameStage(@PathVariable String code, @PathVariable String stage, @Valid @RequestBody Name body, CurrentUser caller) {
        requireAdmin(caller);
        send(new RenameStage(existing(code), stage, body.name()), caller);
        return funnel(code);
    }

    @PutMapping("/{code}/stages/order")
    FunnelView reorder(@PathVariable String code, @Valid @RequestBody Order body, CurrentUser caller) {
        requireAdmin(caller);
        send(new ReorderStages(existing(code), body.order()), caller);
        return funnel(code);
    }

    @DeleteMapping("/{code}/stages/{stage}")
    FunnelView removeStage(@PathVariable String code, @PathVariable String stage, CurrentUser caller) {
        requireAdmin(caller);
        long onStage = deals.countOnStage(existing(code), stage);
        if (onStage > 0) {
            throw DomainException.conflict("stage-has-deals",
                    "На этапе " + onStage + " сдел(ки/ок): перенесите их на другой этап, затем удалите этап.");
        }
        send(new RemoveStage(code, stage), caller);
        return funnel(code);
    }

    @DeleteMapping("/{code}")
    ResponseEntity<Void> remove(@PathVariable String code, CurrentUser caller) {
        requireAdmin(caller);
        FunnelView funnel = catalog.find(existing(code)).orElseThrow();
        long total = funnel.stages().stream().mapToLong(s -> deals.countOnStage(code, s.code())).sum();
        if (total > 0) {
            throw DomainException.conflict("funnel-has-deals", "В воронке есть сделки: перенесите или закройте их, затем удалите воронку.");
        }
        send(new RemoveFunnel(code), caller);
        return ResponseEntity.noContent().build();
    }

    private String existing(String code) {
        return funnel(code).code();
    }

    private void send(Object command, CurrentUser caller) {
        commands.sendAndWait(Actors.command(command, caller.id()));
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("admin-only", "Настраивать воронки может только администратор.");
        }
    }
}
