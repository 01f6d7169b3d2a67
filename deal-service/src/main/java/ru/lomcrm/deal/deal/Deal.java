package ru.lomcrm.deal.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import ru.lomcrm.contracts.deal.DealClosed;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.contracts.deal.DealNoteAdded;
import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.contracts.deal.DealOwnerChanged;
import ru.lomcrm.contracts.deal.DealStageChanged;
import ru.lomcrm.contracts.deal.DealTagged;
import ru.lomcrm.contracts.deal.DealUntagged;
import ru.lomcrm.contracts.deal.DealUpdated;
import ru.lomcrm.contracts.deal.DeliveryCompleted;
import ru.lomcrm.contracts.deal.PermanentDealOpened;
import ru.lomcrm.contracts.deal.Stage;
import ru.lomcrm.deal.deal.DealCommands.AddDealNote;
import ru.lomcrm.deal.deal.DealCommands.ChangeDealOwner;
import ru.lomcrm.deal.deal.DealCommands.CloseDealOnPromotion;
import ru.lomcrm.deal.deal.DealCommands.CreateDeal;
import ru.lomcrm.deal.deal.DealCommands.DealPatch;
import ru.lomcrm.deal.deal.DealCommands.MarkDealNotDelivering;
import ru.lomcrm.deal.deal.DealCommands.MoveDealToStage;
import ru.lomcrm.deal.deal.DealCommands.OpenPermanentDeal;
import ru.lomcrm.deal.deal.DealCommands.PromotedDeal;
import ru.lomcrm.deal.deal.DealCommands.ReplaceDealParty;
import ru.lomcrm.deal.deal.DealCommands.RecordDelivery;
import ru.lomcrm.deal.deal.DealCommands.TagDeal;
import ru.lomcrm.deal.deal.DealCommands.UntagDeal;
import ru.lomcrm.deal.deal.DealCommands.UpdateDeal;
import ru.lomcrm.deal.funnel.FunnelCatalog;
import ru.lomcrm.deal.funnel.FunnelCatalog.FunnelView;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.Notes;
import ru.lomcrm.platform.web.Tags;
import ru.lomcrm.platform.web.Text;

/** One supplier's way through a funnel (Сделка). Event-sourced. */
@Aggregate
public class Deal {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 2000;
    static final String SCRAP_FUNNEL = "scrap";
    static final String FIRST_DELIVERY = "first_delivery";
    static final String REPEAT_DELIVERIES = "repeat_deliveries";
    static final String PERMANENT_FUNNEL = "permanent";
    static final String DELIVERING = "delivering";
    static final String HANDED_OVER = "handed_over";
    static final String NOT_DELIVERING = "not_delivering";
    private static final String NOT_FOUND = "Сделка не найдена.";
    private static final java.time.Instant EARLIEST_DELIVERY = java.time.Instant.parse("2000-01-01T00:00:00Z");

    @AggregateIdentifier
    private UUID id;
    private String funnel;
    private String stage;
    private String ownerId;
    private String title;
    private UUID contactId;
    private UUID companyId;
    private DealDetails details;
    private boolean closed;
    private final Set<String> tags = new HashSet<>();
    private final Set<String> ticketNumbers = new HashSet<>();
    private final Set<UUID> noteIds = new HashSet<>();
    private int deliveries;
    private BigDecimal deliveredKg = BigDecimal.ZERO;
    private BigDecimal deliveredAmount = BigDecimal.ZERO;
    /** When the deal last entered its stage or took a delivery: the quiet period (rule 2) counts from it. */
    private java.time.Instant lastActivityAt;

    protected Deal() {
        // for Axon
    }

    @CommandHandler
    public Deal(CreateDeal command, FunnelCatalog funnels, Clock clock) {
        FunnelView funnel = funnels.require(command.funnel(), "funnel");
        Stage stage = command.stage() == null ? funnel.firstStage() : funnel.requireStage(command.stage(), "stage");
        if (!stage.isOpen()) {
            throw DomainException.invalid("stage-closed", "Новую сделку нельзя создать сразу закрытой.").about("stage");
        }
        DealDetails details = checkDetails(command.details());
        apply(new DealCreated(command.dealId(), checkTitle(command.title()), funnel.code(), stage.code(), command.ownerId(),
                command.source(), clock.instant(), command.contactId(), command.companyId(), details));
    }

    /** Rule 1: the supplier's permanent deal, created once (its id comes from the party) by the promotion, owned by the client department. */
    @CommandHandler
    public Deal(OpenPermanentDeal command, FunnelCatalog funnels, Clock clock) {
        FunnelView permanent = funnels.require(PERMANENT_FUNNEL, "funnel");
        Stage handedOver = permanent.requireStage(HANDED_OVER, "stage");
        PromotedDeal from = command.from();
        apply(new DealCreated(command.dealId(), from.title(), permanent.code(), handedOver.code(), command.ownerId(), "promotion",
                clock.instant(), from.contactId(), from.companyId(), from.details()));
        apply(new PermanentDealOpened(command.dealId(), from.dealId(), command.partyId(), command.partyType(), from.deliveries(),
                from.deliveredKg(), from.amount()));
    }

    /** Rule 1: the 5th delivery made the supplier permanent — its ЛОМ deal is won (once) and hands over what it knows. */
    @CommandHandler
    PromotedDeal handle(CloseDealOnPromotion command) {
        if (!closed && SCRAP_FUNNEL.equals(funnel)) {
            apply(new DealClosed(id, funnel, stage, Stage.WON, "promotion", ownerId));
        }
        return new PromotedDeal(id, funnel, title, contactId, companyId, details, ownerId, deliveries, deliveredKg, deliveredAmount);
    }

    /** Rule 2: Передан or Везёт with no delivery for the quiet period → Не везет; the next delivery brings it back. */
    @CommandHandler
    void handle(MarkDealNotDelivering command, Clock clock) {
        boolean watched = PERMANENT_FUNNEL.equals(funnel) && !closed && (HANDED_OVER.equals(stage) || DELIVERING.equals(stage));
        if (watched && lastActivityAt != null && !lastActivityAt.plus(command.quietPeriod()).isAfter(clock.instant())) {
            apply(new DealStageChanged(id, funnel, stage, NOT_DELIVERING, ownerId));
        }
    }

    @CommandHandler
    long handle(UpdateDeal command, Ownership ownership) {
        ownership.requireVisible(command.caller(), ownerId, NOT_FOUND);
        var patch = command.patch();
        String newTitle = patch.title() == null ? title : checkTitle(patch.title());
        UUID newContact = patch.cleared().contains("contactId") ? null : patch.contactId() == null ? contactId : patch.contactId();
        UUID newCompany = patch.cleared().contains("companyId") ? null : patch.companyId() == null ? companyId : patch.companyId();
        DealDetails newDetails = checkDetails(merge(details, patch));
        if (!newTitle.equals(title) || !Objects.equals(newContact, contactId) || !Objects.equals(newCompany, companyId)
                || !newDetails.equals(details)) {
            apply(new DealUpdated(id, newTitle, newContact, newCompany, newDetails));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReplaceDealParty command) {
        UUID newContact = command.duplicateId().equals(contactId) ? command.survivorId() : contactId;
        UUID newCompany = command.duplicateId().equals(companyId) ? command.survivorId() : companyId;
        if (!Objects.equals(newContact, contactId) || !Objects.equals(newCompany, companyId)) {
            apply(new DealUpdated(id, title, newContact, newCompany, details));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(MoveDealToStage command, Ownership ownership, FunnelCatalog funnels) {
        ownership.requireVisible(command.caller(), ownerId, NOT_FOUND);
        requireOpen();
        FunnelView funnelView = funnels.require(funnel, "funnel");
        if (!funnelView.closable() && (Stage.WON.equals(command.stage()) || Stage.LOST.equals(command.stage()))) {
            throw DomainException.conflict("deal-never-closes", "Сделки воронки «" + funnelView.name()
                    + "» не закрываются: постоянный клиент остаётся в работе (Везёт / Не везет).").about("stage");
        }
        Stage target = funnelView.requireStage(command.stage(), "stage");
        if (target.code().equals(stage)) {
            return AggregateLifecycle.getVersion();
        }
        if (target.isOpen()) {
            apply(new DealStageChanged(id, funnel, stage, target.code(), ownerId));
            return AggregateLifecycle.getVersion();
        }
        String reason = command.lossReason() == null ? null : command.lossReason().strip();
        if (Stage.LOST.equals(target.kind()) && (reason == null || reason.isEmpty())) {
            throw DomainException.invalid("loss-reason-required", "Укажите причину, по которой сделка не реализована.").about("lossReason");
        }
        if (reason != null && reason.length() > MAX_TEXT_LENGTH) {
            throw DomainException.invalid("loss-reason-too-long", "Причина длиннее " + MAX_TEXT_LENGTH + " символов.").about("lossReason");
        }
        apply(new DealClosed(id, funnel, stage, target.kind(), reason, ownerId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeDealOwner command, Ownership ownership) {
        ownership.requireVisible(command.caller(), ownerId, NOT_FOUND);
        if (!Objects.equals(command.ownerId(), ownerId)) {
            ownership.requireOwnerChange(command.caller(), ownerId, command.ownerId());
            apply(new DealOwnerChanged(id, ownerId, command.ownerId()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(TagDeal command, Ownership ownership) {
        ownership.requireVisible(command.caller(), ownerId, NOT_FOUND);
        Tags.normalize(command.tags()).stream().filter(tag -> Tags.find(tags, tag) == null).forEach(tag -> apply(new DealTagged(id, tag)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UntagDeal command, Ownership ownership) {
        ownership.requireVisible(command.caller(), ownerId, NOT_FOUND);
        Tags.normalize(command.tags()).stream().map(tag -> Tags.find(tags, tag)).filter(java.util.Objects::nonNull)
                .forEach(tag -> apply(new DealUntagged(id, tag)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AddDealNote command, Ownership ownership) {
        ownership.requireVisible(command.caller(), ownerId, NOT_FOUND);
        String text = Notes.text(command.text());
        if (!noteIds.contains(command.noteId())) {
            apply(new DealNoteAdded(id, command.noteId(), text));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    RecordedDelivery handle(RecordDelivery command, Ownership ownership, Clock clock, FunnelCatalog funnels) {
        ownership.requireVisible(command.caller(), ownerId, NOT_FOUND);
        requireOpen();
        if (command.deliveredAt() == null) {
            throw DomainException.invalid("delivered-at-required", "Укажите дату и время поставки.").about("deliveredAt");
        }
        if (command.deliveredAt().isBefore(EARLIEST_DELIVERY) || command.deliveredAt().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            throw DomainException.invalid("delivered-at-out-of-range", "Дата поставки должна быть не раньше 2000 года и не в будущем.")
                    .about("deliveredAt");
        }
        BigDecimal weight = positive(command.weightKg(), "weightKg", "Вес должен быть больше нуля.");
        BigDecimal price = positive(command.pricePerTonne(), "pricePerTonne", "Цена за тонну должна быть больше нуля.");
        String ticket = command.ticketNo() == null ? "" : command.ticketNo().strip();
        if (ticket.isEmpty()) {
            throw DomainException.invalid("ticket-required", "Укажите номер весовой квитанции.").about("ticketNo");
        }
        if (ticketNumbers.contains(ticket)) {
            throw DomainException.conflict("ticket-duplicate", "Поставка по квитанции № " + ticket + " уже записана в этой сделке.")
                    .about("ticketNo");
        }
        String grade = command.grade() == null ? "" : command.grade().strip();
        if (grade.isEmpty()) {
            throw DomainException.invalid("grade-required", "Укажите марку лома.").about("grade");
        }
        BigDecimal amount = weight.multiply(price).divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
        int ordinal = deliveries + 1;
        apply(new DeliveryCompleted(id, funnel, contactId, companyId, ordinal, command.deliveredAt(), weight, grade, price, amount,
                ticket, command.caller().id()));
        String next = stageAfterDelivery(ordinal);
        if (next != null && !next.equals(stage) && funnels.require(funnel, "funnel").stage(next).isPresent()) {
            apply(new DealStageChanged(id, funnel, stage, next, ownerId));
        }
        return new RecordedDelivery(ordinal, amount, AggregateLifecycle.getVersion());
    }

    /** What recording a delivery answers: the delivery's ordinal, its amount and the deal's version after it. */
    public record RecordedDelivery(int ordinal, BigDecimal amount, long version) {
    }

    /** Rule 1 and 2: deliveries move a deal forward by themselves. */
    private String stageAfterDelivery(int ordinal) {
        if (SCRAP_FUNNEL.equals(funnel)) {
            return ordinal == 1 ? FIRST_DELIVERY : ordinal <= 4 ? REPEAT_DELIVERIES : null;
        }
        return PERMANENT_FUNNEL.equals(funnel) ? DELIVERING : null;
    }

    static DealDetails merge(DealDetails current, DealPatch patch) {
        var q = current.questionnaire();
        var pq = patch.questionnaire() == null ? DealDetails.Questionnaire.EMPTY : patch.questionnaire();
        return new DealDetails(
                value(current.expectedMonthlyVolumeT(), patch.expectedMonthlyVolumeT(), patch, "expectedMonthlyVolumeT"),
                value(current.metalGrades(), patch.metalGrades(), patch, "metalGrades"),
                value(current.priceTerms(), patch.priceTerms(), patch, "priceTerms"),
                value(current.address(), patch.address(), patch, "address"),
                value(current.notes(), patch.notes(), patch, "notes"),
                patch.cleared().contains("questionnaire") ? DealDetails.Questionnaire.EMPTY : new DealDetails.Questionnaire(
                        value(q.scrapType(), pq.scrapType(), patch, "questionnaire.scrapType"),
                        value(q.volumes(), pq.volumes(), patch, "questionnaire.volumes"),
                        value(q.location(), pq.location(), patch, "questionnaire.location"),
                        value(q.delivery(), pq.delivery(), patch, "questionnaire.delivery"),
                        value(q.paymentTerms(), pq.paymentTerms(), patch, "questionnaire.paymentTerms"),
                        value(q.frequency(), pq.frequency(), patch, "questionnaire.frequency")));
    }

    private static <T> T value(T current, T change, DealPatch patch, String field) {
        if (patch.cleared().contains(field)) {
            return null;
        }
        return change == null ? current : change;
    }

    private void requireOpen() {
        if (closed) {
            throw DomainException.conflict("deal-closed", "Сделка закрыта: её нельзя двигать по воронке или записывать в неё поставки.");
        }
    }

    private static BigDecimal positive(BigDecimal value, String field, String message) {
        if (value == null || value.signum() <= 0) {
            throw DomainException.invalid(field + "-not-positive", message).about(field);
        }
        return value;
    }

    static String checkTitle(String raw) {
        String title = raw == null ? "" : Text.requireVisible(raw, "title").strip();
        if (title.isEmpty()) {
            throw DomainException.invalid("deal-title-required", "Укажите название сделки.").about("title");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw DomainException.invalid("deal-title-too-long", "Название сделки длиннее " + MAX_TITLE_LENGTH + " символов.").about("title");
        }
        return title;
    }

    private static DealDetails checkDetails(DealDetails details) {
        if (details == null) {
            return DealDetails.EMPTY;
        }
        if (details.expectedMonthlyVolumeT() != null && details.expectedMonthlyVolumeT().signum() < 0) {
            throw DomainException.invalid("volume-negative", "Объём не может быть отрицательным.").about("expectedMonthlyVolumeT");
        }
        return details;
    }

    @EventSourcingHandler
    void on(DealCreated event) {
        lastActivityAt = event.createdAt();
        id = event.dealId();
        title = event.title();
        details = event.details();
        funnel = event.funnel();
        stage = event.stage();
        ownerId = event.ownerId();
        contactId = event.contactId();
        companyId = event.companyId();
    }

    @EventSourcingHandler
    void on(DealUpdated event) {
        title = event.title();
        details = event.details();
        contactId = event.contactId();
        companyId = event.companyId();
    }

    @EventSourcingHandler
    void on(DealStageChanged event, @Timestamp java.time.Instant at) {
        stage = event.toStage();
        lastActivityAt = at;
    }

    @EventSourcingHandler
    void on(DealClosed event) {
        stage = event.outcome();
        closed = true;
    }

    @EventSourcingHandler
    void on(DealOwnerChanged event) {
        ownerId = event.toOwnerId();
    }

    @EventSourcingHandler
    void on(DealTagged event) {
        tags.add(event.tag());
    }

    @EventSourcingHandler
    void on(DealUntagged event) {
        tags.remove(event.tag());
    }

    @EventSourcingHandler
    void on(DealNoteAdded event) {
        noteIds.add(event.noteId());
    }

    @EventSourcingHandler
    void on(DeliveryCompleted event) {
        deliveries = event.ordinal();
        ticketNumbers.add(event.ticketNo());
        deliveredKg = deliveredKg.add(event.weightKg());
        deliveredAmount = deliveredAmount.add(event.amount());
        lastActivityAt = lastActivityAt == null || event.deliveredAt().isAfter(lastActivityAt) ? event.deliveredAt() : lastActivityAt;
    }
}
