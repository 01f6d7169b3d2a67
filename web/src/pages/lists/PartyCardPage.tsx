import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Card, Col, Form, Input, List, Progress, Result, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, partyApi } from '../../api/endpoints';
import { keys, stageName, useFunnels } from '../../api/hooks';
import { ApiError, messageOf } from '../../api/http';
import type { DealItem, Party, PartyType } from '../../api/types';
import { formatDateTime, formatNumber, formatTonnes } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { ErrorState, Loading, TagChips, UnsavedBar, UserName, fieldErrors, useUnsavedChangesGuard } from '../../components/common';
import { TagsEditor } from '../../components/TagsEditor';
import { PartyFeed } from './PartyFeed';
import { ArchiveButton, OwnerChange } from './PartyActions';
import { PartyRelated } from './PartyRelated';
import { MergeButton } from './PartyMerge';

/** Permanent from the 5th completed delivery. */
const PERMANENT_AFTER = 5;

interface Values {
  name: string;
  phones: string;
  emails: string;
  position: string;
  address: string;
  notes: string;
  legalName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  site: string;
}

function valuesOf(p: Party): Values {
  return {
    name: p.name,
    phones: p.card.phones.map(formatPhone).join(', '),
    emails: p.card.emails.join(', '),
    position: p.card.position ?? '',
    address: p.card.address ?? '',
    notes: p.card.notes ?? '',
    legalName: p.card.legalName ?? '',
    inn: p.card.inn ?? '',
    kpp: p.card.kpp ?? '',
    ogrn: p.card.ogrn ?? '',
    site: p.card.site ?? '',
  };
}

function split(text: string): string[] {
  return text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}

export default function PartyCardPage({ type }: { type: PartyType }) {
  const { id = '' } = useParams();
  // another record's card (a link from the feed, the survivor of a merge) starts afresh
  return <PartyCard key={`${type}:${id}`} type={type} id={id} />;
}

function PartyCard({ type, id }: { type: PartyType; id: string }) {
  const party = useQuery({ queryKey: keys.party(type, id), queryFn: () => partyApi.card(type, id) });
  if (party.isPending) return <Loading />;
  if (party.isError) {
    if (party.error instanceof ApiError && party.error.status === 404) {
      return <Result status="404" title={ru.party.notFound} extra={<Link to="/lists">{ru.party.backToLists}</Link>} />;
    }
    return <ErrorState error={party.error} onRetry={() => party.refetch()} />;
  }
  const p = party.data;
  if (p.mergedInto) return <MergedParty party={p} />;
  const left = Math.max(0, PERMANENT_AFTER - p.deliveries);
  return (
    <div className="page party-card-page" data-testid="party-card-page">
      <header className="card-header">
        <Link to={`/lists/${type === 'company' ? 'companies' : 'contacts'}`} className="back-link"><ArrowLeftOutlined /> {ru.party.backToLists}</Link>
        <Typography.Title level={4} className="card-title">{p.name}</Typography.Title>
        <Tag>{type === 'company' ? ru.party.company : ru.party.contact}</Tag>
        {p.archived && <Tag color="default" data-testid="party-archived">{ru.party.archived}</Tag>}
        <Space className="card-actions" wrap size={6}>
          <MergeButton party={p} />
          {!p.archived && <ArchiveButton party={p} />}
        </Space>
      </header>
      <div className="card-columns">
        <aside className="card-left">
          {p.archived && <Alert type="info" showIcon className="card-block" message={ru.party.archivedHint} data-testid="archived-hint" />}
          <Card size="small" className="card-block" data-testid="party-status">
            <div className="field-row">
              <span className="field-label">{ru.party.status}</span>
              <Tag color={p.status === 'permanent' ? 'green' : 'blue'}>{ru.lists.statuses[p.status]}</Tag>
            </div>
            <div className="field-row">
              <span className="field-label">{ru.party.deliveries}</span>
              <span>{formatNumber(p.deliveries)}</span>
            </div>
            {p.status !== 'permanent' && (
              <div className="field-row">
                <span className="field-label">{ru.party.toPermanent(left)}</span>
                <Progress percent={Math.min(100, (p.deliveries / PERMANENT_AFTER) * 100)} steps={PERMANENT_AFTER} showInfo={false} size="small" />
              </div>
            )}
            <div className="field-row">
              <span className="field-label">{ru.party.owner}</span>
              <span data-testid="party-owner"><UserName user={p.owner} /></span>
              <OwnerChange party={p} disabled={p.archived} />
            </div>
            <div className="field-row">
              <span className="field-label">{ru.party.tags}</span>
              <PartyTags party={p} disabled={p.archived} />
            </div>
          </Card>
          <Card size="small" className="card-block">
            <PartyFields party={p} disabled={p.archived} />
          </Card>
          <PartyRelated party={p} disabled={p.archived} />
          <Card size="small" className="card-block" title={ru.party.deals}>
            <PartyDeals party={p} />
          </Card>
        </aside>
        <section className="card-right">
          <PartyFeed party={p} />
        </section>
      </div>
    </div>
  );
}

/** A duplicate merged into another record: it takes no more changes; everything it held is on the survivor. */
function MergedParty({ party }: { party: Party }) {
  const survivor = useQuery({
    queryKey: keys.party(party.type, party.mergedInto!),
    queryFn: () => partyApi.card(party.type, party.mergedInto!),
    retry: false,
  });
  const path = `/${party.type === 'company' ? 'companies' : 'contacts'}/${party.mergedInto}`;
  return (
    <div className="page party-card-page" data-testid="party-merged">
      <Result
        status="info"
        title={ru.party.mergedTitle}
        subTitle={survivor.data ? ru.party.mergedText(survivor.data.name) : ru.party.mergedTextUnknown}
        extra={(
          <Space wrap>
            <Link to={path} className="survivor-link" data-testid="open-survivor">{ru.party.openSurvivor}{survivor.data ? `: ${survivor.data.name}` : ''}</Link>
            <Link to={`/lists/${party.type === 'company' ? 'companies' : 'contacts'}`}>{ru.party.backToLists}</Link>
          </Space>
        )}
      />
    </div>
  );
}

function PartyFields({ party, disabled }: { party: Party; disabled?: boolean }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const initial = valuesOf(party);
  const current = Form.useWatch([], form) as Values | undefined;
  const dirty = !!current && (Object.keys(initial) as (keyof Values)[]).some((k) => (current[k] ?? '') !== initial[k]);
  useUnsavedChangesGuard(dirty && !disabled, () => form.validateFields().then((values) => save.mutateAsync(values)).then(() => true, () => false));
  useEffect(() => {
    if (!form.isFieldsTouched()) form.setFieldsValue(valuesOf(party));
  }, [party, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const patch: Record<string, unknown> = {};
      for (const k of Object.keys(initial) as (keyof Values)[]) {
        if ((v[k] ?? '') === initial[k]) continue;
        if (k === 'phones' || k === 'emails') patch[k] = split(v[k] ?? '');
        else patch[k] = (v[k] ?? '').trim();
      }
      return partyApi.update(party.type, party.id, patch, party.version);
    },
    onSuccess: (p) => {
      queryClient.setQueryData(keys.party(party.type, party.id), p);
      form.resetFields();
      form.setFieldsValue(valuesOf(p));
      void queryClient.invalidateQueries({ queryKey: keys.partyHistory(party.type, party.id) });
      void queryClient.invalidateQueries({ queryKey: ['parties'] });
      message.success(ru.party.saved);
    },
    onError: (e) => {
      if (e instanceof ApiError && (e.status === 409 || e.status === 412) && !e.body?.existingId) {
        message.warning(ru.card.conflict, 8);
        void queryClient.invalidateQueries({ queryKey: keys.party(party.type, party.id) });
        return;
      }
      const fields = fieldErrors(e, ['name', 'phones', 'emails', 'inn', 'kpp', 'ogrn', 'site', 'address', 'notes', 'position', 'legalName']);
      if (fields.length) form.setFields(fields as never);
      message.error(messageOf(e), 8);
    },
  });
  const pr = ru.party;
  return (
    <Form<Values> form={form} layout="vertical" size="small" initialValues={initial} onFinish={(v) => save.mutate(v)} disabled={disabled} data-testid="party-fields">
      <Form.Item name="name" label={party.type === 'company' ? ru.lists.name : ru.lists.contactName} rules={[{ required: true, whitespace: true, message: ru.create.nameRequired }]}>
        <Input maxLength={300} />
      </Form.Item>
      {/* the numbers once — in the field; calling is the handset button beside it (one per number) */}
      <Form.Item name="phones" label={pr.phones}>
        <Input
          maxLength={400}
          suffix={party.card.phones.length ? (
            <Space size={4}>
              {party.card.phones.map((x) => (
                <a key={x} href={`tel:${x}`} className="phone-call" aria-label={pr.call(formatPhone(x))} title={pr.call(formatPhone(x))} data-testid="party-call"><PhoneOutlined /></a>
              ))}
            </Space>
          ) : undefined}
        />
      </Form.Item>
      <Form.Item name="emails" label={pr.emails}><Input maxLength={1000} /></Form.Item>
      {party.type === 'contact' ? (
        <Form.Item name="position" label={pr.position}><Input maxLength={200} /></Form.Item>
      ) : (
        <>
          <Form.Item name="legalName" label={pr.legalName}><Input maxLength={300} /></Form.Item>
          <Row gutter={8}>
            <Col xs={24} sm={8}><Form.Item name="inn" label={pr.inn}><Input maxLength={12} /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="kpp" label={pr.kpp}><Input maxLength={9} /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="ogrn" label={pr.ogrn}><Input maxLength={15} /></Form.Item></Col>
          </Row>
          <Form.Item name="site" label={pr.site}><Input maxLength={200} /></Form.Item>
        </>
      )}
      <Form.Item name="address" label={pr.address}><Input maxLength={500} /></Form.Item>
      <Form.Item name="notes" label={pr.notes}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} /></Form.Item>
      {dirty && !disabled && (
        <UnsavedBar saving={save.isPending} testId="save-party" onRevert={() => { form.resetFields(); form.setFieldsValue(valuesOf(party)); }} />
      )}
    </Form>
  );
}

function PartyTags({ party, disabled }: { party: Party; disabled?: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const run = async (action: () => Promise<Party>) => {
    try {
      queryClient.setQueryData(keys.party(party.type, party.id), await action());
      void queryClient.invalidateQueries({ queryKey: keys.partyHistory(party.type, party.id) });
      void queryClient.invalidateQueries({ queryKey: ['parties'] });
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  return (
    <TagsEditor
      tags={party.tags}
      disabled={disabled}
      onAdd={(tag) => run(() => partyApi.tag(party.type, party.id, [tag]))}
      onRemove={(tag) => run(() => partyApi.untag(party.type, party.id, tag))}
    />
  );
}

function PartyDeals({ party }: { party: Party }) {
  const funnels = useFunnels();
  const deals = useQuery({
    queryKey: ['deals', 'of-party', party.id],
    queryFn: () => dealApi.list({ ...(party.type === 'company' ? { companyId: party.id } : { contactId: party.id }), size: 100, sort: 'updatedAt', direction: 'desc' }),
  });
  if (deals.isError) return <ErrorState error={deals.error} onRetry={() => deals.refetch()} />;
  return (
    <List<DealItem>
      size="small"
      loading={deals.isPending}
      dataSource={deals.data?.items ?? []}
      locale={{ emptyText: ru.party.noDeals }}
      renderItem={(d) => (
        <List.Item>
          <List.Item.Meta
            title={<Link to={`/deals/${d.id}`}>{d.title}</Link>}
            description={
              <span>
                {stageName(funnels.data, d.funnel, d.stage)}
                {d.expectedVolumeT !== null && d.expectedVolumeT !== undefined && <> · {formatTonnes(d.expectedVolumeT)}</>}
                {d.deliveries > 0 && <> · {ru.deals.deliveries(d.deliveries)}</>}
                {' · '}<UserName user={d.owner} /> · {formatDateTime(d.updatedAt)}
              </span>
            }
          />
          <TagChips tags={d.tags} max={3} />
        </List.Item>
      )}
    />
  );
}
