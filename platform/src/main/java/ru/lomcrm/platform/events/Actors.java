package ru.lomcrm.platform.events;

import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

/**
 * Who caused a change. Commands carry the actor in their metadata; Axon copies it onto the
 * events they produce (a correlation data provider), so the event store and the envelopes on
 * Kafka record who did what.
 */
public final class Actors {

    public static final String META_DATA_KEY = "actor";

    private Actors() {
    }

    public static <C> CommandMessage<C> command(C command, String actorId) {
        return GenericCommandMessage.<C>asCommandMessage(command)
                .withMetaData(MetaData.from(Map.of(META_DATA_KEY, actorId)));
    }
}
