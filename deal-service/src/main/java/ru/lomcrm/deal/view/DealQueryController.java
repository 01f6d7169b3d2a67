package ru.lomcrm.deal.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.web.Tags;
import ru.lomcrm.deal.view.DealQueries.Board;
import ru.lomcrm.deal.view.DealQueries.DealCard;
import ru.lomcrm.deal.view.DealQueries.Delivery;
import ru.lomcrm.deal.view.DealQueries.Filter;
import ru.lomcrm.deal.view.DealQueries.Page;
import ru.lomcrm.platform.security.CurrentUser;

/** Reading deals: the list (Список), the board (Воронка), the card, its deliveries. */
@RestController
class DealQueryController {

    private final DealQueries deals;

    DealQueryController(DealQueries deals) {
        this.deals = deals;
    }

    @GetMapping("/api/deals")
    Page list(@RequestParam(required = false) @Size(max = 40) String funnel,
              @RequestParam(required = false) List<@Size(max = 40) String> stage,
              @RequestParam(required = false) @Size(max = 64) String owner,
              @RequestParam(required = false) UUID contactId,
              @RequestParam(required = false) UUID companyId,
              @RequestParam(required = false) List<@Size(max = 60) String> tags,
              @RequestParam(defaultValue = "any") String tagsMode,
              @RequestParam(required = false) @Size(max = 200) String q,
              @RequestParam(required = false) Instant createdFrom,
              @RequestParam(required = false) Instant createdTo,
              @RequestParam(required = false) Instant updatedFrom,
              @RequestParam(required = false) Instant updatedTo,
              @RequestParam(required = false) Boolean closed,
              @RequestParam(defaultValue = "updatedAt") String sort,
              @RequestParam(defaultValue = "desc") String direction,
              @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
              CurrentUser caller) {
        var filter = new Filter(funnel, stage, owner, contactId, companyId, normalized(tags), "all".equals(tagsMode), q, createdFrom,
                createdTo, updatedFrom, updatedTo, closed);
        return deals.list(filter, sort, !"asc".equalsIgnoreCase(direction), page, size, caller);
    }

    @GetMapping("/api/deals/{id}")
    ResponseEntity<DealCard> card(@PathVariable UUID id, CurrentUser caller) {
        DealCard card = deals.card(id, caller);
        return ResponseEntity.ok().eTag("\"" + card.version() + "\"").body(card);
    }

    @GetMapping("/api/deals/{id}/deliveries")
    List<Delivery> deliveries(@PathVariable UUID id, CurrentUser caller) {
        return deals.card(id, caller).deliveries();
    }

    @GetMapping("/api/funnels/{code}/board")
    Board board(@PathVariable String code,
                @RequestParam(required = false) @Size(max = 64) String owner,
                @RequestParam(required = false) List<@Size(max = 60) String> tags,
                @RequestParam(required = false) @Size(max = 200) String q,
                @RequestParam(required = false) @Size(max = 40) String stage,
                @RequestParam(defaultValue = "0") @Min(0) int offset,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                CurrentUser caller) {
        var filter = new Filter(code, null, owner, null, null, normalized(tags), false, q, null, null, null, null, null);
        return deals.board(code, filter, stage, offset, limit, caller);
    }

    private static List<String> normalized(List<String> tags) {
        return tags == null ? null : tags.stream().map(Tags::normalize).distinct().toList();
    }
}
