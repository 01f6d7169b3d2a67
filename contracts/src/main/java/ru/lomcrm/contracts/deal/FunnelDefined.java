package ru.lomcrm.contracts.deal;

import java.util.List;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * A funnel was created or changed (renamed, a stage added, renamed, reordered or removed):
 * its whole definition as it is now, stages in order.
 *
 * @param change what changed, e.g. {@code created}, {@code stage-added:offer}
 */
public record FunnelDefined(String code, String name, boolean closable, int position, List<Stage> stages, String change)
        implements IntegrationEvent {

    public FunnelDefined {
        stages = List.copyOf(stages);
    }
}
