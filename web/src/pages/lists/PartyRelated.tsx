import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, List, Popconfirm } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { partyApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { Party } from '../../api/types';
import { formatPhone } from '../../lib/phone';
import { PartyPicker } from '../../components/PartyPicker';
import { isMergedRefusal } from './PartyFeed';

/**
 * A contact's companies, or a company's contacts — linked and unlinked from either card (the link
 * itself lives on the contact: POST / DELETE /api/contacts/{id}/companies/{companyId}).
 */
export function PartyRelated({ party, disabled }: { party: Party; disabled?: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const isCompany = party.type === 'company';
  const contacts = useQuery({
    queryKey: ['parties', 'contact', 'of-company', party.id],
    queryFn: () => partyApi.list('contact', { companyId: party.id, size: 100 }),
    enabled: isCompany,
  });
  const companies = useQuery({
    queryKey: ['parties', 'company', 'of-contact', party.id, party.companyIds],
    queryFn: () => Promise.all(party.companyIds.map((cid) => partyApi.card('company', cid).catch(() => null))),
    enabled: !isCompany && party.companyIds.length > 0,
  });
  const items = isCompany
    ? (contacts.data?.items ?? []).map((c) => ({ id: c.id, name: c.name, path: `/contacts/${c.id}`, hint: c.card.position ?? c.card.phones.map(formatPhone).join(', ') }))
    : (companies.data ?? []).filter((c): c is Party => !!c).map((c) => ({ id: c.id, name: c.name, path: `/companies/${c.id}`, hint: c.card.inn ? `${ru.party.inn} ${c.card.inn}` : '' }));

  /** The other side's id → the contact and the company of the link. */
  const ends = (otherId: string) => (isCompany ? { contactId: otherId, companyId: party.id } : { contactId: party.id, companyId: otherId });
  const change = useMutation({
    mutationFn: ({ otherId, link }: { otherId: string; link: boolean }) => {
      const { contactId, companyId } = ends(otherId);
      return link ? partyApi.link(contactId, companyId) : partyApi.unlink(contactId, companyId);
    },
    onSuccess: (contact, { link }) => {
      queryClient.setQueryData(keys.party('contact', contact.id), contact);
      void queryClient.invalidateQueries({ queryKey: ['parties'] });
      void queryClient.invalidateQueries({ queryKey: keys.partyHistory('contact', contact.id) });
      setAdding(false);
      message.success(link ? ru.party.linked : ru.party.unlinked);
    },
    onError: (e) => {
      message.error(`${ru.party.linkRefused}: ${messageOf(e)}`, 8);
      if (isMergedRefusal(e)) void queryClient.invalidateQueries({ queryKey: keys.party(party.type, party.id) });
    },
  });

  return (
    <Card size="small" className="card-block" title={isCompany ? ru.party.contacts : ru.party.companies} data-testid="party-related">
      <List
        size="small"
        loading={contacts.isFetching || companies.isFetching}
        dataSource={items}
        locale={{ emptyText: ru.app.none }}
        renderItem={(i) => (
          <List.Item
            data-testid="related-row"
            actions={disabled ? [] : [
              <Popconfirm
                key="unlink"
                title={isCompany ? ru.party.unlinkContactConfirm(i.name) : ru.party.unlinkCompanyConfirm(i.name)}
                okText={ru.party.unlink}
                cancelText={ru.app.cancel}
                okButtonProps={{ danger: true }}
                onConfirm={() => change.mutateAsync({ otherId: i.id, link: false }).catch(() => undefined)}
              >
                <Button size="small" type="link" danger data-testid="unlink">{ru.party.unlink}</Button>
              </Popconfirm>,
            ]}
          >
            <span><Link to={i.path}>{i.name}</Link> <span className="muted small">{i.hint}</span></span>
          </List.Item>
        )}
      />
      {!disabled && (adding ? (
        <div className="related-picker" data-testid="related-picker">
          <PartyPicker
            type={isCompany ? 'contact' : 'company'}
            autoFocus
            exclude={items.map((i) => i.id)}
            onChange={(otherId) => otherId && change.mutate({ otherId, link: true })}
          />
          <Button size="small" onClick={() => setAdding(false)}>{ru.app.cancel}</Button>
        </div>
      ) : (
        <Button size="small" type="dashed" icon={<LinkOutlined />} onClick={() => setAdding(true)} loading={change.isPending} data-testid="link-party">
          {isCompany ? ru.party.linkContact : ru.party.linkCompany}
        </Button>
      ))}
    </Card>
  );
}
