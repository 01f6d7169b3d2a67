package ru.lomcrm.party.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.party.PartyApiFixture;
import ru.lomcrm.platform.testing.CrmServiceTest;

/** Notes on a contact's or company's card: part of its record, like every change. */
@CrmServiceTest(database = "crm_party")
class PartyNotesApiTest {

    @LocalServerPort
    int port;

    private PartyApiFixture api;

    @BeforeEach
    void setUp() {
        api = new PartyApiFixture(port);
    }

    @Test
    void aNoteOnACompanyJoinsItsHistoryOnceAndStrangersCannotWriteOne() {
        String company = api.companyOf("manager1", "Металлбаза " + System.nanoTime()).path("id").asString();
        String noteId = UUID.randomUUID().toString();

        var added = api.as("manager1").post("/api/companies/" + company + "/notes", Map.of("noteId", noteId, "text", " Бухгалтер — Ирина "));
        var again = api.as("manager1").post("/api/companies/" + company + "/notes", Map.of("noteId", noteId, "text", "Бухгалтер — Ирина"));
        var stranger = api.as("manager2").post("/api/companies/" + company + "/notes", Map.of("text", "чужая"));
        var blank = api.as("manager1").post("/api/companies/" + company + "/notes", Map.of("text", " "));
        var wrongKind = api.as("manager1").post("/api/contacts/" + company + "/notes", Map.of("text", "не контакт"));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("type").asString()).isEqualTo("PartyNoteAdded");
        assertThat(added.json().path("change").path("text").asString()).isEqualTo("Бухгалтер — Ирина");
        assertThat(added.json().path("actor").path("username").asString()).isEqualTo("manager1");
        assertThat(again.json().path("at").asString()).isEqualTo(added.json().path("at").asString());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.isProblem()).isTrue();
        assertThat(wrongKind.status()).isEqualTo(404);
        List<String> notes = new ArrayList<>();
        api.as("head").get("/api/companies/" + company + "/history").json().path("items").forEach(entry -> {
            if (entry.path("type").asString().equals("PartyNoteAdded")) {
                notes.add(entry.path("change").path("text").asString());
            }
        });
        assertThat(notes).containsExactly("Бухгалтер — Ирина");
    }
}
