package ru.lomcrm.deal.funnel;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.lomcrm.contracts.deal.FunnelDefined;
import ru.lomcrm.contracts.deal.FunnelRemoved;
import ru.lomcrm.contracts.deal.Stage;
import ru.lomcrm.deal.funnel.FunnelCommands.AddStage;
import ru.lomcrm.deal.funnel.FunnelCommands.CreateFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.RemoveFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.RemoveStage;
import ru.lomcrm.deal.funnel.FunnelCommands.RenameFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.RenameStage;
import ru.lomcrm.deal.funnel.FunnelCommands.ReorderStages;
import ru.lomcrm.platform.web.DomainException;

/**
 * A sales funnel (Воронка): ordered stages a deal passes. A closable funnel ends in the system
 * stages won/lost, which stay last and cannot be renamed away or removed; a funnel that never
 * closes (Постоянные клиенты) has none.
 */
@Aggregate
public class Funnel {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    /** Stages the rules themselves name (the first stage, deliveries, promotion): renamable, not removable. */
    static final java.util.Map<String, java.util.Set<String>> RULE_STAGES = java.util.Map.of(
            "scrap", java.util.Set.of("lead", "first_delivery", "repeat_deliveries"),
            "permanent", java.util.Set.of("handed_over", "delivering", "not_delivering"));
    static final int MAX_NAME = 100;

    @AggregateIdentifier
    private String code;
    private String name;
    private boolean closable;
    private int position;
    private List<Stage> stages = new ArrayList<>();

    protected Funnel() {
    }

    @CommandHandler
    public Funnel(CreateFunnel command) {
        checkCode(command.code(), "funnel-code-invalid");
        String name = checkName(command.name());
        List<Stage> stages = new ArrayList<>();
        var seen = new HashSet<String>();
        for (var spec : command.stages()) {
            checkCode(spec.code(), "stage-code-invalid");
            if (!seen.add(spec.code()) || Stage.WON.equals(spec.code()) || Stage.LOST.equals(spec.code())) {
                throw DomainException.invalid("stage-code-duplicate", "Этап с кодом «" + spec.code() + "» уже есть.");
            }
            stages.add(new Stage(spec.code(), checkName(spec.name()), Stage.OPEN));
        }
        if (stages.isEmpty()) {
            throw DomainException.invalid("funnel-needs-stage", "В воронке должен быть хотя бы один этап.");
        }
        if (command.closable()) {
            stages.add(new Stage(Stage.WON, "Успешно реализовано", Stage.WON));
            stages.add(new Stage(Stage.LOST, "Закрыто и не реализовано", Stage.LOST));
        }
        apply(new FunnelDefined(command.code(), name, command.closable(), command.position(), stages, "created"));
    }

    @CommandHandler
    void handle(RenameFunnel command) {
        define(checkName(command.name()), stages, "renamed");
    }

    @CommandHandler
    void handle(AddStage command) {
        checkCode(command.code(), "stage-code-invalid");
        if (find(command.code()) != null) {
            throw DomainException.conflict("stage-code-duplicate", "Этап с кодом «" + command.code() + "» уже есть.");
        }
        List<Stage> next = new ArrayList<>(stages);
        int openCount = (int) stages.stream().filter(Stage::isOpen).count();
        int at = command.position() == null ? openCount : Math.max(0, Math.min(command.position(), openCount));
        next.add(at, new Stage(command.code(), checkName(command.name()), Stage.OPEN));
        define(name, next, "stage-added:" + command.code());
    }

    @CommandHandler
    void handle(RenameStage command) {
        Stage stage = existing(command.code());
        String newName = checkName(command.name());
        define(name, stages.stream().map(s -> s == stage ? new Stage(s.code(), newName, s.kind()) : s).toList(),
                "stage-renamed:" + command.code());
    }

    @CommandHandler
    void handle(ReorderStages command) {
        List<Stage> open = stages.stream().filter(Stage::isOpen).toList();
        if (command.order() == null || command.order().size() != open.size()
                || !new HashSet<>(command.order()).equals(new HashSet<>(open.stream().map(Stage::code).toList()))) {
            throw DomainException.invalid("stage-order-incomplete", "Укажите порядок всех открытых этапов воронки, каждого один раз.");
        }
        List<Stage> next = new ArrayList<>(command.order().stream().map(this::find).toList());
        stages.stream().filter(s -> !s.isOpen()).forEach(next::add);
        define(name, next, "stages-reordered");
    }

    @CommandHandler
    void handle(RemoveStage command) {
        Stage stage = existing(command.code());
        if (!stage.isOpen()) {
            throw DomainException.conflict("system-stage", "Этапы «Успешно» и «Не реализовано» удалить нельзя.");
        }
        if (RULE_STAGES.getOrDefault(code, java.util.Set.of()).contains(stage.code())) {
            throw DomainException.conflict("rule-stage", "Этап «" + stage.name() + "» нужен правилам воронки (поставки, передача клиента): его можно переименовать, но не удалить.");
        }
        if (stages.stream().filter(Stage::isOpen).count() == 1) {
            throw DomainException.conflict("funnel-needs-stage", "В воронке должен остаться хотя бы один этап.");
        }
        define(name, stages.stream().filter(s -> s != stage).toList(), "stage-removed:" + command.code());
    }

    @CommandHandler
    void handle(RemoveFunnel command) {
        if (RULE_STAGES.containsKey(code)) {
            throw DomainException.conflict("rule-funnel", "Воронку «" + name + "» нельзя удалить: на ней работают правила продвижения клиентов.");
        }
        apply(new FunnelRemoved(code));
    }

    private void define(String name, List<Stage> stages, String change) {
        apply(new FunnelDefined(code, name, closable, position, stages, change));
    }

    private Stage find(String stageCode) {
        return stages.stream().filter(s -> s.code().equals(stageCode)).findFirst().orElse(null);
    }

    private Stage existing(String stageCode) {
        Stage stage = find(stageCode);
        if (stage == null) {
            throw DomainException.notFound("stage-not-found", "В воронке «" + name + "» нет этапа «" + stageCode + "».");
        }
        return stage;
    }

    private static void checkCode(String code, String errorCode) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw DomainException.invalid(errorCode, "Код должен состоять из латинских строчных букв, цифр и «_» (2–40 символов).");
        }
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw DomainException.invalid("name-invalid", "Название обязательно и не длиннее " + MAX_NAME + " символов.");
        }
        return trimmed;
    }

    @EventSourcingHandler
    void on(FunnelDefined event) {
        code = event.code();
        name = event.name();
        closable = event.closable();
        position = event.position();
        stages = new ArrayList<>(event.stages());
    }

    @EventSourcingHandler
    void on(FunnelRemoved event) {
        markDeleted();
    }
}
