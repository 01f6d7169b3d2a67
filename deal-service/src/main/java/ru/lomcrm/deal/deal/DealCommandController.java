package ru.lomcrm.deal.deal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.deal.deal.DealCommands.ChangeDealOwner;
import ru.lomcrm.deal.deal.DealCommands.CreateDeal;
import ru.lomcrm.deal.deal.DealCommands.DealPatch;
import ru.lomcrm.deal.deal.DealCommands.MoveDealToStage;
import ru.lomcrm.deal.deal.DealCommands.RecordDelivery;
import ru.lomcrm.deal.deal.DealCommands.TagDeal;
import ru.lomcrm.deal.deal.DealCommands.UntagDeal;
import ru.lomcrm.deal.deal.DealCommands.UpdateDeal;
import ru.lomcrm.deal.deal.DealRequests.BulkBody;
import ru.lomcrm.deal.deal.DealRequests.CreateDealBody;
import ru.lomcrm.deal.deal.DealRequests.DeliveryBody;
import ru.lomcrm.deal.deal.DealRequests.MoveBody;
import ru.lomcrm.deal.deal.DealRequests.OwnerBody;
import ru.lomcrm.deal.deal.DealRequests.PatchDealBody;
import ru.lomcrm.deal.deal.DealRequests.TagsBody;
import ru.lomcrm.deal.view.DealQueries;
import ru.lomcrm.deal.view.DealQueries.DealCard;
import ru.lomcrm.deal.view.DealQueries.Delivery;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.deal.party.PartyAccess;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.IfMatch;
import ru.lomcrm.platform.web.InvalidRequestException;

/** Everything that changes a deal. Each answer is the deal as it is after the change. */
@RestController
@RequestMapping("/api/deals")
public class DealCommandController {

    static final String DEFAULT_FUNNEL = "scrap";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DealCommandController.class);

    private final CommandGateway commands;
    private final DealQueries deals;
    private final Ownership ownership;
    private final JsonMapper json;
    private final Validator validator;
    private final PartyAccess parties;

    DealCommandController(CommandGateway commands, DealQueries deals, Ownership ownership, JsonMapper json, Validator validator,
                          PartyAccess parties) {
        this.parties = parties;
        this.commands = commands;
        this.deals = deals;
        this.ownership = ownership;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping
    public ResponseEntity<DealCard> create(@Valid @RequestBody CreateDealBody body, CurrentUser caller) {
        String ownerId = body.ownerId() == null || body.ownerId().isBlank() ? caller.id() : body.ownerId();
        ownership.requireAssignable(caller, ownerId);
        UUID id = UUID.randomUUID();
        UUID contactId = parties.usable(caller, body.contactId(), "contact", "contactId");
        UUID companyId = parties.usable(caller, body.companyId(), "company", "companyId");
        send(new CreateDeal(id, caller, body.title(), body.funnel() == null ? DEFAULT_FUNNEL : body.funnel(), body.stage(), ownerId,
                "manual", contactId, companyId, body.details()), caller);
        return ResponseEntity.created(URI.create("/api/deals/" + id)).body(deals.awaitCard(id, 0, caller));
    }

    /** Merge-patch of the card; {@code If-Match: <version>} makes a concurrent edit fail with 409 instead of overwriting it. */
    @PatchMapping("/{id}")
    public DealCard update(@PathVariable UUID id, @RequestBody JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                           CurrentUser caller) {
        if (!body.isObject()) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("body", "ожидается объект JSON")));
        }
        PatchDealBody patch;
        try {
            patch = InvalidRequestException.check(validator, json.treeToValue(body, PatchDealBody.class));
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError(
                    e.getPath().isEmpty() ? "body" : e.getPath().get(0).getPropertyName(), "некорректное значение")));
        }
        var command = new UpdateDeal(id, IfMatch.version(ifMatch), caller, new DealPatch(patch.title(),
                parties.usable(caller, patch.contactId(), "contact", "contactId"), parties.usable(caller, patch.companyId(), "company", "companyId"),
                patch.expectedMonthlyVolumeT(), patch.metalGrades(), patch.priceTerms(), patch.address(), patch.notes(),
                patch.questionnaire() == null ? null : patch.questionnaire().toQuestionnaire(), cleared(body)));
        return deals.awaitCard(id, this.<Long>send(command, caller), caller);
    }

    @PostMapping("/{id}/stage")
    public DealCard move(@PathVariable UUID id, @Valid @RequestBody MoveBody body, CurrentUser caller) {
        long version = send(new MoveDealToStage(id, body.version(), caller, body.stage(), body.lossReason()), caller);
        return deals.awaitCard(id, version, caller);
    }

    @PostMapping("/{id}/owner")
    public DealCard changeOwner(@PathVariable UUID id, @Valid @RequestBody OwnerBody body, CurrentUser caller) {
        long version = send(new ChangeDealOwner(id, caller, body.ownerId()), caller);
        return deals.awaitCard(id, version, caller);
    }

    @PostMapping("/{id}/tags")
    public DealCard tag(@PathVariable UUID id, @Valid @RequestBody TagsBody body, CurrentUser caller) {
        long version = send(new TagDeal(id, caller, body.tags()), caller);
        return deals.awaitCard(id, version, caller);
    }

    @DeleteMapping("/{id}/tags/{tag}")
    public DealCard untag(@PathVariable UUID id, @PathVariable String tag, CurrentUser caller) {
        long version = send(new UntagDeal(id, caller, List.of(tag)), caller);
        return deals.awaitCard(id, version, caller);
    }

    @PostMapping("/{id}/deliveries")
    public ResponseEntity<Delivery> recordDelivery(@PathVariable UUID id, @Valid @RequestBody DeliveryBody body, CurrentUser caller) {
        Deal.RecordedDelivery recorded = send(new RecordDelivery(id, caller, body.deliveredAt(), body.weightKg(), body.grade(),
                body.pricePerTonne(), body.ticketNo()), caller);
        DealCard card = deals.awaitCard(id, recorded.version(), caller);
        Delivery delivery = card.deliveries().stream().filter(d -> d.ordinal() == recorded.ordinal()).findFirst()
                .orElse(new Delivery(recorded.ordinal(), body.deliveredAt(), body.weightKg(), body.grade(), body.pricePerTonne(),
                        recorded.amount(), body.ticketNo(), null));
        return ResponseEntity.created(URI.create("/api/deals/" + id + "/deliveries/" + recorded.ordinal())).body(delivery);
    }

    public record BulkResult(UUID id, boolean ok, String error) {
    }

    public record BulkResponse(List<BulkResult> results) {
    }

    /**
     * One request, many deals: each is tried on its own; a refused one does not stop the others.
     * Answers once the list and board show the changes, so a reload after it sees them.
     */
    @PostMapping("/bulk")
    public BulkResponse bulk(@Valid @RequestBody BulkBody body, CurrentUser caller) {
        List<BulkResult> results = new ArrayList<>();
        Map<UUID, Long> versions = new java.util.LinkedHashMap<>();
        for (UUID id : new java.util.LinkedHashSet<>(body.ids())) {
            try {
                Object command = switch (body.action()) {
                    case "move" -> new MoveDealToStage(id, null, caller, required(body.stage(), "stage"), body.lossReason());
                    case "tag" -> new TagDeal(id, caller, requiredList(body.tags()));
                    case "untag" -> new UntagDeal(id, caller, requiredList(body.tags()));
                    case "owner" -> new ChangeDealOwner(id, caller, required(body.ownerId(), "ownerId"));
                    default -> throw new IllegalArgumentException(body.action());
                };
                versions.put(id, this.<Long>send(command, caller));
                results.add(new BulkResult(id, true, null));
            } catch (InvalidRequestException e) {
                throw e;
            } catch (DomainException e) {
                results.add(new BulkResult(id, false, e.getMessage()));
            } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
                results.add(new BulkResult(id, false, "Сделка не найдена."));
            } catch (org.axonframework.modelling.command.ConcurrencyException
                     | org.axonframework.modelling.command.ConflictingModificationException e) {
                results.add(new BulkResult(id, false, "Сделку только что изменил другой пользователь. Повторите."));
            } catch (RuntimeException e) {
                log.error("Bulk {} failed for deal {}", body.action(), id, e);
                results.add(new BulkResult(id, false, "Не удалось: внутренняя ошибка. Повторите позже."));
            }
        }
        versions.forEach(deals::awaitVersion);
        return new BulkResponse(results);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError(field, "обязательно для этого действия")));
        }
        return value;
    }

    private static List<String> requiredList(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("tags", "укажите хотя бы один тег")));
        }
        return tags;
    }

    @SuppressWarnings("unchecked")
    private <R> R send(Object command, CurrentUser caller) {
        return (R) commands.sendAndWait(Actors.command(command, caller.id()));
    }

    /** JSON names of the fields the patch empties: present as null, "" or []. */
    static Set<String> cleared(JsonNode body) {
        Set<String> cleared = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (isEmpty(field.getValue())) {
                cleared.add(field.getKey());
            } else if (field.getKey().equals("questionnaire") && field.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> answer : field.getValue().properties()) {
                    if (isEmpty(answer.getValue())) {
                        cleared.add("questionnaire." + answer.getKey());
                    }
                }
            }
        }
        if (cleared.contains("title")) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("title", "название нельзя удалить")));
        }
        return cleared;
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || (value.isString() && value.asString().isBlank()) || (value.isArray() && value.isEmpty());
    }

}
