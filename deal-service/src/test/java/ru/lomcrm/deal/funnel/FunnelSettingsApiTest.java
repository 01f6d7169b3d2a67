package ru.lomcrm.deal.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_deal")
class FunnelSettingsApiTest {

    @LocalServerPort
    int port;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    @Test
    void theTwoFunnelsOfTheManualExistFromTheFirstStart() {
        JsonNode funnels = api.as("manager1").get("/api/funnels").json().path("items");

        JsonNode scrap = funnels.get(0);
        assertThat(scrap.path("code").asString()).isEqualTo("scrap");
        assertThat(scrap.path("name").asString()).isEqualTo("ЛОМ");
        assertThat(scrap.path("stages").findValuesAsString("name")).containsExactly("Лид", "Квалифицирован", "Сделано предложение",
                "Первая поставка", "Повторные поставки", "Успешно реализовано", "Закрыто и не реализовано");
        JsonNode permanent = funnels.get(1);
        assertThat(permanent.path("name").asString()).isEqualTo("Постоянные клиенты (лом)");
        assertThat(permanent.path("closable").asBoolean()).isFalse();
        assertThat(permanent.path("stages").findValuesAsString("code")).containsExactly("handed_over", "delivering", "not_delivering");
    }

    @Test
    void anAdminShapesAFunnelAndAStageWithDealsCannotBeRemoved() {
        String code = "test_" + Long.toString(System.nanoTime(), 36);
        var admin = api.as("admin");

        var created = admin.post("/api/funnels", Map.of("code", code, "name", "Цветмет", "closable", true,
                "stages", List.of(Map.of("code", "lead", "name", "Лид"), Map.of("code", "visit", "name", "Выезд"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("stages").findValuesAsString("code")).containsExactly("lead", "visit", "won", "lost");

        admin.post("/api/funnels/" + code + "/stages", Map.of("code", "offer", "name", "Предложение", "position", 1));
        admin.patch("/api/funnels/" + code + "/stages/visit", Map.of("name", "Выезд на площадку"));
        var reordered = api.as("admin").put("/api/funnels/" + code + "/stages/order", Map.of("order", List.of("visit", "lead", "offer")));
        assertThat(reordered.json().path("stages").findValuesAsString("name"))
                .containsExactly("Выезд на площадку", "Лид", "Предложение", "Успешно реализовано", "Закрыто и не реализовано");

        api.dealOf("admin", "funnel", code, "stage", "offer");
        var refused = admin.delete("/api/funnels/" + code + "/stages/offer");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("перенесите");
        assertThat(admin.delete("/api/funnels/" + code + "/stages/won").status()).isEqualTo(409);
        assertThat(admin.delete("/api/funnels/" + code + "/stages/lead").status()).isEqualTo(200);
    }

    @Test
    void stagesAndFunnelsTheRulesNeedCannotBeRemoved() {
        assertThat(api.as("admin").delete("/api/funnels/scrap/stages/first_delivery").status()).isEqualTo(409);
        assertThat(api.as("admin").delete("/api/funnels/permanent/stages/not_delivering").status()).isEqualTo(409);
        var funnel = api.as("admin").delete("/api/funnels/permanent");
        assertThat(funnel.status()).isEqualTo(409);
        assertThat(funnel.isProblem()).isTrue();
    }

    @Test
    void onlyAnAdminChangesFunnels() {
        var refused = api.as("head").post("/api/funnels/scrap/stages", Map.of("code", "extra", "name", "Лишний"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(api.as("head").get("/api/funnels/scrap").json().path("stages").findValuesAsString("code")).doesNotContain("extra");
    }

    @Test
    void theObjectionTagsAreOfferedAndOnlyAnAdminEditsThem() {
        assertThat(api.as("manager1").get("/api/deals/tags").json().path("items").toString())
                .contains("#долгая оплата", "#нужна доставка денег", "#низкая цена", "#далеко везти", "#работает с конкурентом");
        assertThat(api.as("head").put("/api/deals/tags", Map.of("items", List.of("#новый"))).status()).isEqualTo(403);

        var replaced = api.as("admin").put("/api/deals/tags", Map.of("items", List.of("Долгая оплата", "#низкая цена", "#Нет весов", "#нет ВЕСОВ")));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("items").toString()).isEqualTo("[\"#Долгая оплата\",\"#низкая цена\",\"#Нет весов\"]");
        api.as("admin").put("/api/deals/tags", Map.of("items", List.of("#долгая оплата", "#нужна доставка денег", "#низкая цена",
                "#далеко везти", "#работает с конкурентом")));
    }
}
