package ru.lomcrm.deal.funnel;

import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.deal.funnel.FunnelCommands.CreateFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.StageSpec;
import ru.lomcrm.platform.events.Actors;

/**
 * The two funnels of the manual, created on the first start only: once a funnel's event stream
 * exists (even if an admin later changed or removed it), it is left alone.
 */
@Component
class DefaultFunnels implements ApplicationRunner {

    static final String SCRAP = "scrap";
    static final String PERMANENT = "permanent";

    private static final Logger log = LoggerFactory.getLogger(DefaultFunnels.class);
    private static final List<CreateFunnel> DEFAULTS = List.of(
            new CreateFunnel(SCRAP, "ЛОМ", true, 0, List.of(
                    new StageSpec("lead", "Лид"),
                    new StageSpec("qualified", "Квалифицирован"),
                    new StageSpec("offer", "Сделано предложение"),
                    new StageSpec("first_delivery", "Первая поставка"),
                    new StageSpec("repeat_deliveries", "Повторные поставки"))),
            new CreateFunnel(PERMANENT, "Постоянные клиенты (лом)", false, 1, List.of(
                    new StageSpec("handed_over", "Передан"),
                    new StageSpec("delivering", "Везёт"),
                    new StageSpec("not_delivering", "Не везет"))));

    private final CommandGateway commands;

    DefaultFunnels(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (CreateFunnel funnel : DEFAULTS) {
            try {
                commands.sendAndWait(Actors.command(funnel, EventEnvelope.SYSTEM_ACTOR));
                log.info("Created default funnel {}", funnel.code());
            } catch (AggregateStreamCreationException | ConcurrencyException alreadyThere) {
                log.debug("Funnel {} exists", funnel.code());
            }
        }
    }
}
