package ru.lomcrm.party.party;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
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
import ru.lomcrm.contracts.party.PartyDeliveryCounted;
import ru.lomcrm.contracts.party.PartyOwnerChanged;
import ru.lomcrm.party.identity.PartyIdentities;
import ru.lomcrm.party.party.PartyCommands.ArchiveParty;
import ru.lomcrm.party.party.PartyCommands.ChangePartyOwner;
import ru.lomcrm.party.party.PartyCommands.CountDelivery;
import ru.lomcrm.party.party.PartyCommands.EditParty;
import ru.lomcrm.party.party.PartyCommands.LinkContactToCompany;
import ru.lomcrm.party.party.PartyCommands.RegisterParty;
import ru.lomcrm.party.party.PartyCommands.UnlinkContactFromCompany;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.web.DomainException;

/**
 * A contact or a company (Контакт / Компания). Rule 5: it cannot silently pass to another
 * manager — duplicates by phone, e-mail or INN are refused naming the owner, and only the
 * owner's head or an admin reassigns it. Counts its completed deliveries: the 5th makes it a
 * permanent client, once.
 */
@Aggregate
public class Party {

    public static final int PERMANENT_AFTER = 5;
    private static final String NOT_FOUND = "Запись не найдена.";

    @AggregateIdentifier
    private UUID id;
    private String kind;
    private String ownerId;
    private PartyCard card;
    private boolean archived;
    private final Set<String> countedDeliveries = new HashSet<>();
    private final Set<UUID> companies = new HashSet<>();
    private boolean promoted;

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
        PartyCard next = checkName(merge(card.complete(), command.card()));
        if (!next.equals(card.complete())) {
            identities.requireNoDuplicate(id, next, command.force(), command.caller());
            if (isContact()) {
                apply(new ContactUpdated(id, next.name(), next.phones(), next.emails(), next.position(), next.phoneTypes(), next.messengers(),
                        next.address(), next.notes()));
            } else {
                apply(new CompanyUpdated(id, next.name(), next.inn(), next.phones(), next.emails(), next.legalName(), next.kpp(),
                        next.ogrn(), next.address(), next.site(), next.notes()));
            }
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ArchiveParty command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        if (!archived) {
            apply(isContact() ? new ContactArchived(id, command.reason()) : new CompanyArchived(id, command.reason()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangePartyOwner command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        if (!Objects.equals(ownerId, command.ownerId())) {
            ownership.requireOwnerChange(command.caller(), ownerId, command.ownerId());
            apply(new PartyOwnerChanged(id, kind, ownerId, command.ownerId(), command.reason()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(LinkContactToCompany command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireContact();
        if (!companies.contains(command.companyId())) {
            apply(new ContactLinkedToCompany(id, command.companyId()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UnlinkContactFromCompany command, Ownership ownership) {
        requireVisible(command.caller(), ownership);
        requireContact();
        if (companies.contains(command.companyId())) {
            apply(new ContactUnlinkedFromCompany(id, command.companyId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Each delivery counts once (a redelivered event carries the same deal and ordinal). */
    @CommandHandler
    void handle(CountDelivery command, Clock clock) {
        String key = command.dealId() + "#" + command.ordinal();
        if (countedDeliveries.contains(key)) {
            return;
        }
        int total = countedDeliveries.size() + 1;
        apply(new PartyDeliveryCounted(id, kind, command.dealId(), command.ordinal(), total));
        if (total >= PERMANENT_AFTER && !promoted) {
            apply(new ClientPromoted(id, kind, command.dealId(), total, clock.instant()));
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
        countedDeliveries.add(e.dealId() + "#" + e.ordinal());
    }

    @EventSourcingHandler
    void on(ClientPromoted e) {
        promoted = true;
    }

}
