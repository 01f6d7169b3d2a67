package ru.lomcrm.deal.funnel;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link Funnel} aggregate (admin's funnel settings). */
public final class FunnelCommands {

    private FunnelCommands() {
    }

    /** {@code stages}: the open stages in order; a closable funnel gets won/lost after them. */
    public record CreateFunnel(@TargetAggregateIdentifier String code, String name, boolean closable, int position,
                               List<StageSpec> stages) {
    }

    public record StageSpec(String code, String name) {
    }

    public record RenameFunnel(@TargetAggregateIdentifier String code, String name) {
    }

    public record AddStage(@TargetAggregateIdentifier String funnel, String code, String name, Integer position) {
    }

    public record RenameStage(@TargetAggregateIdentifier String funnel, String code, String name) {
    }

    /** {@code order}: every open stage code, in the new order. */
    public record ReorderStages(@TargetAggregateIdentifier String funnel, List<String> order) {
    }

    /** The caller has checked that no deal is on the stage. */
    public record RemoveStage(@TargetAggregateIdentifier String funnel, String code) {
    }

    public record RemoveFunnel(@TargetAggregateIdentifier String code) {
    }
}
