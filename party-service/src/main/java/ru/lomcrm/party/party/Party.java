package ru.lomcrm.party.party;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import ru.lomcrm.contracts.party.ClientPromoted;
import ru.lomcrm.contracts.party.CompanyArchived;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.CompanyUpdated;
import ru.lomcrm.contracts.party.ContactArchived;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.ContactLinkedToCompany;
import ru.lomcrm.contracts.party.ContactUnlinkedFromCompany;
import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.contracts.party.PartyDeliveryCounted;
import ru.lomcrm.contracts.party.PartyMergedInto;
import ru.lomcrm.contracts.party.PartyOwnerChanged;
import ru.lomcrm.contracts.party.PartyNoteAdded;
import ru.lomcrm.contracts.party.PartyTagged;
import ru.lomcrm.contracts.party.PartyUntagged;
import ru.lomcrm.party.identity.PartyIdentities;
import ru.lomcrm.party.party.PartyCommands.AbsorbMergedParty;
import ru.lomcrm.party.party.PartyCommands.ArchiveParty;
import ru.lomcrm.party.party.PartyCommands.ChangePartyOwner;
import ru.lomcrm.party.party.PartyCommands.CountDelivery;
import ru.lomcrm.party.party.PartyCommands.CountedDelivery;
import ru.lomcrm.party.party.PartyCommands.EditParty;
import ru.lomcrm.party.party.PartyCommands.HandOverParty;
import ru.lomcrm.party.party.PartyCommands.LinkContactToCompany;
import ru.lomcrm.party.party.PartyCommands.MergePartyInto;
import ru.lomcrm.party.party.PartyCommands.MergedParty;
import ru.lomcrm.party.party.PartyCommands.MoveContactToCompany;
import ru.lomcrm.party.party.PartyCommands.RegisterParty;
import ru.lomcrm.party.party.PartyCommands.AddPartyNote;
import ru.lomcrm.party.party.PartyCommands.TagParty;
import ru.lomcrm.party.party.PartyCommands.UnlinkContactFromCompany;
import ru.lomcrm.party.party.PartyCommands.UntagParty;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.Notes;
import ru.lomcrm.platform.web.Tags;

/**
 * A contact or a company (Контакт / Компания). Rule 5: it cannot silently pass to another
 * manager — duplicates by phone, e-mail or INN are refused naming the owner, and only the
 * owner's head or an admin reassigns it. Counts its completed deliveries: the 5th makes it a
 * permanent client, once. Two records of one client may be merged by a head or an admin: the
 * duplicate closes and the survivor takes over its phones, e-mails, links, tags and deliveries.
 */
@Aggregate
public class Party {

    public static final int PERMANENT_AFTER = 5;
    static final String HANDED_OVER = "Постоянный клиент передан в клиентский отдел";
    private static final String NOT_FOUND = "Запись не найдена.";

    @AggregateIdentifier
    private UUID id;
    private String kind;
    private String ownerId;
    private PartyCard card;
    private boolean archived;
    private final Set<CountedDelivery> countedDeliveries = new LinkedHashSet<>();
    private final Set<UUID> companies = new LinkedHashSet<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private boolean promoted;
    private UUID mergedInto;
    private final Set<UUID> noteIds = new HashSet<>();

    protected Party() {
    }

    @CommandHandler
    public Party(RegisterParty command, PartyIdentities identities, Ownership ownership) {
        PartyCard card = checkName(command.card());
        identities.requireNoDuplicate(command.partyId(), card, command.force(), command.caller());
        if (PartyCommands.CONTACT.equals(command.kind())) {
            apply(new ContactCreated(command.partyId(), card.name(), card.phones(), card.emails(), command.ownerId(), card.position(),
                    card.phoneTypes(), card.messengers(), card.address(), card.notes(), command.companyIds(), command.force()));
        } else {
            apply(new CompanyCreated(command.partyId(), card.name(), card.inn(), card.phones(), card.emails(), command.ownerId(),
                    card.legalName(), card.kpp(), card.ogrn(), card.address(), card.site(), card.notes(), command.force()));
        }
    }

    @CommandHandler
    long handle(EditParty command, PartyIdentities identities, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        PartyCard next = checkName(merge(card.complete(), command.card()));
        if (!next.equals(card.complete())) {
            identities.requireNoDuplicate(id, next, command.force(), command.caller());
            applyCard(next);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ArchiveParty command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        if (!archived) {
            apply(isContact() ? new ContactArchived(id, command.reason()) : new CompanyArchived(id, command.reason()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangePartyOwner command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        if (!Objects.equals(ownerId, command.ownerId())) {
            ownership.requireOwnerChange(command.caller(), ownerId, command.ownerId());
            apply(new PartyOwnerChanged(id, kind, ownerId, command.ownerId(), command.reason()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    void handle(HandOverParty command) {
        if (mergedInto == null && !Objects.equals(ownerId, command.toOwnerId())) {
            apply(new PartyOwnerChanged(id, kind, ownerId, command.toOwnerId(), HANDED_OVER));
        }
    }

    @CommandHandler
    long handle(LinkContactToCompany command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        requireContact();
        if (!companies.contains(command.companyId())) {
            apply(new ContactLinkedToCompany(id, command.companyId()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UnlinkContactFromCompany command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        requireContact();
        if (companies.contains(command.companyId())) {
            apply(new ContactUnlinkedFromCompany(id, command.companyId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Each delivery counts once (a redelivered event carries the same deal and ordinal). */
    @CommandHandler
    UUID handle(CountDelivery command, Clock clock) {
        if (mergedInto != null) {
            return mergedInto;
        }
        count(new CountedDelivery(command.dealId(), command.ordinal()), clock);
        return null;
    }

    @CommandHandler
    long handle(AddPartyNote command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        String text = Notes.text(command.text());
        if (!noteIds.contains(command.noteId())) {
            apply(new PartyNoteAdded(id, kind, command.noteId(), text));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(TagParty command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        Tags.normalize(command.tags()).stream().filter(tag -> Tags.find(tags, tag) == null).forEach(tag -> apply(new PartyTagged(id, kind, tag)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UntagParty command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        Tags.normalize(command.tags()).stream().map(tag -> Tags.find(tags, tag)).filter(java.util.Objects::nonNull)
                .forEach(tag -> apply(new PartyUntagged(id, kind, tag)));
        return AggregateLifecycle.getVersion();
    }

    /** The duplicate's side of a merge: it closes for good and hands over what it holds. */
    @CommandHandler
    MergedParty handle(MergePartyInto command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        requireMayMerge(command.caller());
        if (id.equals(command.survivorId())) {
            throw DomainException.invalid("merge-self", "Запись нельзя объединить саму с собой.").about("duplicateId");
        }
        apply(new PartyMergedInto(id, kind, command.survivorId()));
        return new MergedParty(id, kind, card.complete(), Set.copyOf(companies), Set.copyOf(tags), Set.copyOf(countedDeliveries));
    }

    /** The survivor's side of a merge: the duplicate's phones, e-mails, empty fields, links, tags and deliveries become its own. */
    @CommandHandler
    long handle(AbsorbMergedParty command, PartyIdentities identities, Ownership ownership, Clock clock) {
        requireVisible(command.caller(), ownership);
        requireNotMerged();
        requireMayMerge(command.caller());
        MergedParty merged = command.merged();
        if (!kind.equals(merged.kind())) {
            throw DomainException.invalid("merge-kind", "Объединить можно только два контакта или две компании.").about("duplicateId");
        }
        apply(new PartiesMerged(id, merged.partyId(), kind, command.reason()));
        PartyCard next = union(card.complete(), merged.card());
        if (!next.equals(card.complete())) {
            identities.requireNoDuplicate(id, next, false, command.caller());
            applyCard(next);
        }
        merged.companies().stream().filter(company -> !companies.contains(company) && !company.equals(id))
                .forEach(company -> apply(new ContactLinkedToCompany(id, company)));
        merged.tags().stream().filter(tag -> Tags.find(tags, tag) == null).forEach(tag -> apply(new PartyTagged(id, kind, tag)));
        merged.deliveries().stream().sorted(java.util.Comparator.comparing(CountedDelivery::dealId).thenComparing(CountedDelivery::ordinal))
                .forEach(delivery -> count(delivery, clock));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(MoveContactToCompany command) {
        requireContact();
        if (mergedInto == null && companies.contains(command.fromCompanyId())) {
            apply(new ContactUnlinkedFromCompany(id, command.fromCompanyId()));
            if (!companies.contains(command.toCompanyId())) {
                apply(new ContactLinkedToCompany(id, command.toCompanyId()));
            }
        }
        return AggregateLifecycle.getVersion();
    }

    private void count(CountedDelivery delivery, Clock clock) {
        if (countedDeliveries.contains(delivery)) {
            return;
        }
        int total = countedDeliveries.size() + 1;
        apply(new PartyDeliveryCounted(id, kind, delivery.dealId(), delivery.ordinal(), total));
        if (total >= PERMANENT_AFTER && !promoted) {
            apply(new ClientPromoted(id, kind, delivery.dealId(), total, clock.instant()));
        }
    }

    private void applyCard(PartyCard next) {
        if (isContact()) {
            apply(new ContactUpdated(id, next.name(), next.phones(), next.emails(), next.position(), next.phoneTypes(), next.messengers(),
                    next.address(), next.notes()));
        } else {
            apply(new CompanyUpdated(id, next.name(), next.inn(), next.phones(), next.emails(), next.legalName(), next.kpp(),
                    next.ogrn(), next.address(), next.site(), next.notes()));
        }
    }

    /** The survivor keeps its own values; lists are joined; what it lacks comes from the duplicate. */
    static PartyCard union(PartyCard survivor, PartyCard duplicate) {
        var phoneTypes = new LinkedHashMap<>(duplicate.phoneTypes());
        phoneTypes.putAll(survivor.phoneTypes());
        return new PartyCard(survivor.name(), joined(survivor.phones(), duplicate.phones()), phoneTypes,
                joined(survivor.emails(), duplicate.emails()), either(survivor.address(), duplicate.address()),
                either(survivor.notes(), duplicate.notes()), either(survivor.position(), duplicate.position()),
                joined(survivor.messengers(), duplicate.messengers()), either(survivor.legalName(), duplicate.legalName()),
                either(survivor.inn(), duplicate.inn()), either(survivor.kpp(), duplicate.kpp()), either(survivor.ogrn(), duplicate.ogrn()),
                either(survivor.site(), duplicate.site()));
    }

    private static List<String> joined(List<String> first, List<String> second) {
        var all = new LinkedHashSet<>(first);
        all.addAll(second);
        return new ArrayList<>(all);
    }

    private static String either(String own, String other) {
        return own != null ? own : other;
    }

    private void requireMayMerge(CurrentUser caller) {
        if (!caller.isAdmin() && !caller.isHead()) {
            throw DomainException.forbidden("merge-forbidden", "Объединить дубли может только руководитель или администратор.");
        }
    }

    private void requireNotMerged() {
        if (mergedInto != null) {
            throw DomainException.conflict("party-merged", "Эта запись объединена с другой — откройте основную запись.")
                    .with("survivorId", mergedInto);
        }
    }

    /** null keeps the current value; "" (or an empty list) clears it. */
    static PartyCard merge(PartyCard current, PartyCard patch) {
        return new PartyCard(pick(current.name(), patch.name()), patch.phones() == null ? current.phones() : patch.phones(),
                patch.phoneTypes() == null ? current.phoneTypes() : patch.phoneTypes(),
                patch.emails() == null ? current.emails() : patch.emails(), pick(current.address(), patch.address()),
                pick(current.notes(), patch.notes()), pick(current.position(), patch.position()),
                patch.messengers() == null ? current.messengers() : patch.messengers(), pick(current.legalName(), patch.legalName()),
                pick(current.inn(), patch.inn()), pick(current.kpp(), patch.kpp()), pick(current.ogrn(), patch.ogrn()),
                pick(current.site(), patch.site()));
    }

    private static String pick(String current, String patch) {
        if (patch == null) {
            return current;
        }
        return patch.isBlank() ? null : patch.strip();
    }

    private void requireVisible(CurrentUser caller, Ownership ownership) {
        ownership.requireVisible(caller, ownerId, NOT_FOUND);
    }

    private void requireContact() {
        if (!isContact()) {
            throw DomainException.invalid("not-a-contact", "С компанией связывается контакт, а не компания.");
        }
    }

    private boolean isContact() {
        return PartyCommands.CONTACT.equals(kind);
    }

    private static PartyCard checkName(PartyCard raw) {
        PartyCard card = raw.complete();
        String name = card.name() == null ? "" : card.name().strip();
        if (name.isEmpty() || name.length() > 300) {
            throw DomainException.invalid("name-required", "Укажите имя (до 300 символов).").about("name");
        }
        return new PartyCard(name, card.phones(), card.phoneTypes(), card.emails(), card.address(), card.notes(), card.position(),
                card.messengers(), card.legalName(), card.inn(), card.kpp(), card.ogrn(), card.site());
    }

    @EventSourcingHandler
    void on(ContactCreated e) {
        id = e.contactId();
        kind = PartyCommands.CONTACT;
        ownerId = e.ownerId();
        card = new PartyCard(e.name(), e.phones(), e.phoneTypes(), e.emails(), e.address(), e.notes(), e.position(), e.messengers(),
                null, null, null, null, null);
        companies.addAll(e.companyIds());
    }

    @EventSourcingHandler
    void on(CompanyCreated e) {
        id = e.companyId();
        kind = PartyCommands.COMPANY;
        ownerId = e.ownerId();
        card = new PartyCard(e.name(), e.phones(), null, e.emails(), e.address(), e.notes(), null, null, e.legalName(), e.inn(), e.kpp(),
                e.ogrn(), e.site());
    }

    @EventSourcingHandler
    void on(ContactUpdated e) {
        card = new PartyCard(e.name(), e.phones(), e.phoneTypes(), e.emails(), e.address(), e.notes(), e.position(), e.messengers(),
                null, null, null, null, null);
    }

    @EventSourcingHandler
    void on(CompanyUpdated e) {
        card = new PartyCard(e.name(), e.phones(), null, e.emails(), e.address(), e.notes(), null, null, e.legalName(), e.inn(), e.kpp(),
                e.ogrn(), e.site());
    }

    @EventSourcingHandler
    void on(ContactArchived e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(CompanyArchived e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(PartyOwnerChanged e) {
        ownerId = e.toOwnerId();
    }

    @EventSourcingHandler
    void on(ContactLinkedToCompany e) {
        companies.add(e.companyId());
    }

    @EventSourcingHandler
    void on(ContactUnlinkedFromCompany e) {
        companies.remove(e.companyId());
    }

    @EventSourcingHandler
    void on(PartyDeliveryCounted e) {
        countedDeliveries.add(new CountedDelivery(e.dealId(), e.ordinal()));
    }

    @EventSourcingHandler
    void on(PartyNoteAdded e) {
        noteIds.add(e.noteId());
    }

    @EventSourcingHandler
    void on(PartyTagged e) {
        tags.add(e.tag());
    }

    @EventSourcingHandler
    void on(PartyUntagged e) {
        tags.remove(e.tag());
    }

    @EventSourcingHandler
    void on(PartyMergedInto e) {
        mergedInto = e.survivorId();
    }

    @EventSourcingHandler
    void on(ClientPromoted e) {
        promoted = true;
    }

}
