package ru.lomcrm.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Regression: with Jackson 3, a processor reset stores a {@link ReplayToken} whose polymorphic
 * type id the default validator refuses — the processor would then die on its next claim.
 */
class ReplayTokenSerializationTest {

    @Test
    void aReplayTokenSurvivesTheTokenStoreWithTheProjectsSerializer() {
        var serializer = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(new AxonAutoConfiguration().axonTypesAllowed())
                .build();
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(41), new GlobalSequenceTrackingToken(7));

        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        TrackingToken read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(token);
    }

    @Test
    void withoutTheCustomizerJackson3RefusesIt() {
        var serializer = Jackson3Serializer.builder().build();
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(41), new GlobalSequenceTrackingToken(7));

        assertThatThrownBy(() -> serializer.deserialize(serializer.serialize(token, byte[].class)))
                .isInstanceOf(Exception.class);
    }
}
