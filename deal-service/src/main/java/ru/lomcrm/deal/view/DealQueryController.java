package ru.lomcrm.deal.view;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.deal.view.DealQueries.Board;
import ru.lomcrm.deal.view.DealQueries.DealCard;
import ru.lomcrm.deal.view.DealQueries.Delivery;
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
              @Valid DealFilterParams filter,
              @RequestParam(defaultValue = "updatedAt") String sort,
              @RequestParam(defaultValue = "desc") String direction,
              @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
              CurrentUser caller) {
        return deals.list(filter.toFilter(funnel), sort, !"asc".equalsIgnoreCase(direction), page, size, caller);
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
                @Valid DealFilterParams filter,
                @RequestParam(defaultValue = "0") @Min(0) int offset,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                CurrentUser caller) {
        return deals.board(code, filter.toFilter(code), offset, limit, caller);
    }
}
