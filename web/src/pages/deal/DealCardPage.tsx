import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Modal, Popover, Result, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, CloseCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, partyApi } from '../../api/endpoints';
import { funnelName, keys, managesOthers, useFunnels } from '../../api/hooks';
import { ApiError, messageOf } from '../../api/http';
import type { DealCard, Funnel, PartyRef, PartyType } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { ErrorState, Loading, UserName } from '../../components/common';
import { TagsEditor } from '../../components/TagsEditor';
import { UserSelect } from '../../components/UserSelect';
import { PartyPicker } from '../../components/PartyPicker';
import { useCurrentUser } from '../../components/MeContext';
import { DealFields } from './DealFields';
import { Deliveries } from './Deliveries';
import { DealFeed, useDealOpenTasks } from './DealFeed';

/** The has-open-task flag follows the task service a moment later: while it disagrees with the task list, ask again (briefly). */
const FLAG_CATCH_UP_MS = 10_000;

/** After a change of the deal: the card, its history, the board and the list. */
function useDealInvalidation(id: string) {
  const queryClient = useQueryClient();
  return (card?: DealCard) => {
    if (card) queryClient.setQueryData(keys.deal(id), card);
    void queryClient.invalidateQueries({ queryKey: keys.deal(id) });
    void queryClient.invalidateQueries({ queryKey: keys.dealHistory(id) });
    void queryClient.invalidateQueries({ queryKey: ['board'] });
    void queryClient.invalidateQueries({ queryKey: keys.deals });
  };
}

export default function DealCardPage() {
  const { id = '' } = useParams();
  const funnels = useFunnels();
  const openTasks = useDealOpenTasks(id);
  const deal = useQuery({
    queryKey: keys.deal(id),
    queryFn: () => dealApi.card(id),
    refetchInterval: (query) => {
      const card = query.state.data;
      const shown = openTasks.data?.items.length;
      if (!card || card.closed || shown === undefined || card.hasOpenTask === null) return false;
      const disagree = card.hasOpenTask !== shown > 0;
      return disagree && Date.now() - openTasks.dataUpdatedAt < FLAG_CATCH_UP_MS ? 1000 : false;
    },
  });

  if (deal.isPending || funnels.isPending) return <Loading />;
  if (deal.isError) {
    if (deal.error instanceof ApiError && deal.error.status === 404) {
      return <Result status="404" title={ru.card.notFound} extra={<Link to="/deals">{ru.card.back}</Link>} />;
    }
    return <ErrorState error={deal.error} onRetry={() => deal.refetch()} />;
  }
  const card = deal.data;
  const funnel = funnels.data?.find((f) => f.code === card.funnel);

  return (
    <div className="page deal-card-page" data-testid="deal-card-page">
      <header className="card-header">
        <Link to="/deals" className="back-link"><ArrowLeftOutlined /> {ru.card.back}</Link>
        <Typography.Title level={4} className="card-title" data-testid="deal-title">{card.title}</Typography.Title>
        <Tag>{funnelName(funnels.data, card.funnel)}</Tag>
        <span className="muted small">{ru.card.created} {formatDateTime(card.createdAt)} · {ru.card.updated} {formatDateTime(card.updatedAt)}</span>
      </header>
      <div className="card-columns">
        <aside className="card-left">
          {funnel && <StageStepper deal={card} funnel={funnel} />}
          <Card size="small" className="card-block">
            <OwnerRow deal={card} />
            <PartyBlock deal={card} type="company" party={card.company} />
            <PartyBlock deal={card} type="contact" party={card.contact} />
            <div className="field-row">
              <span className="field-label">{ru.card.tags}</span>
              <DealTags deal={card} />
            </div>
          </Card>
          <Card size="small" className="card-block" title={ru.card.fields}>
            <DealFields deal={card} disabled={false} />
          </Card>
          <Card size="small" className="card-block" title={`${ru.card.deliveries} (${card.deliveries.length})`}>
            <Deliveries deal={card} />
          </Card>
        </aside>
        <section className="card-right">
          <DealFeed deal={card} funnels={funnels.data} />
        </section>
      </div>
    </div>
  );
}

/** The funnel as a stepper: click a stage to move there (skipping allowed); close as won or lost. */
function StageStepper({ deal, funnel }: { deal: DealCard; funnel: Funnel }) {
  const invalidate = useDealInvalidation(deal.id);
  const { message, modal } = App.useApp();
  const [lossOpen, setLossOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const open = funnel.stages.filter((s) => s.kind === 'open');
  const current = open.findIndex((s) => s.code === deal.stage);
  const move = useMutation({
    mutationFn: ({ stage, lossReason }: { stage: string; lossReason?: string }) => dealApi.move(deal.id, stage, lossReason),
    onSuccess: (card) => invalidate(card),
    onError: (e) => {
      message.error(`${ru.deals.moveRefused}. ${messageOf(e)}`, 8);
      invalidate();
    },
  });
  const won = funnel.stages.find((s) => s.kind === 'won');
  const lost = funnel.stages.find((s) => s.kind === 'lost');

  if (deal.closed) {
    return (
      <Alert
        type={deal.stage === won?.code ? 'success' : 'error'}
        showIcon
        className="card-block"
        message={deal.stage === won?.code ? ru.card.closedWon : ru.card.closedLost(deal.lossReason ?? ru.app.notSet)}
        data-testid="deal-closed"
      />
    );
  }
  return (
    <Card size="small" className="card-block stage-stepper" data-testid="stage-stepper">
      <Steps
        size="small"
        direction="vertical"
        current={current}
        onChange={(index) => {
          const target = open[index];
          if (target && target.code !== deal.stage && !move.isPending) move.mutate({ stage: target.code });
        }}
        items={open.map((s) => ({ title: s.name, disabled: move.isPending }))}
      />
      {funnel.closable && won && lost && (
        <Space className="close-buttons" wrap>
          <Button
            size="small"
            icon={<CheckCircleOutlined />}
            onClick={() => modal.confirm({
              title: ru.deals.wonTitle, okText: ru.deals.wonConfirm, cancelText: ru.app.cancel,
              onOk: () => move.mutateAsync({ stage: won.code }),
            })}
          >
            {ru.deals.dropWon}
          </Button>
          <Button size="small" danger icon={<CloseCircleOutlined />} onClick={() => { form.resetFields(); setLossOpen(true); }}>{ru.deals.dropLost}</Button>
        </Space>
      )}
      <Modal
        open={lossOpen}
        title={ru.deals.lossTitle}
        okText={ru.deals.lossConfirm}
        okButtonProps={{ danger: true }}
        cancelText={ru.app.cancel}
        confirmLoading={move.isPending}
        onCancel={() => setLossOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={({ reason }) => move.mutate({ stage: lost!.code, lossReason: reason.trim() }, { onSuccess: () => setLossOpen(false) })}>
          <Form.Item name="reason" label={ru.deals.lossReason} rules={[{ required: true, whitespace: true, message: ru.deals.lossReasonRequired }]}>
            <Input.TextArea autoFocus rows={3} maxLength={2000} placeholder={ru.deals.lossReasonPlaceholder} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function OwnerRow({ deal }: { deal: DealCard }) {
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const invalidate = useDealInvalidation(deal.id);
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: (ownerId: string) => dealApi.changeOwner(deal.id, ownerId),
    onSuccess: (card) => {
      setOpen(false);
      invalidate(card);
    },
    onError: (e) => message.error(messageOf(e)),
  });
  return (
    <div className="field-row">
      <span className="field-label">{ru.card.owner}</span>
      <span data-testid="deal-owner"><UserName user={deal.owner} /></span>
      {managesOthers(me) && (
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          title={ru.card.changeOwner}
          destroyOnHidden
          content={<UserSelect style={{ width: 240 }} value={deal.owner.id} onChange={(v) => v && v !== deal.owner.id && change.mutate(v)} />}
        >
          <Button size="small" type="link" icon={<EditOutlined />} loading={change.isPending} aria-label={ru.card.changeOwner} />
        </Popover>
      )}
    </div>
  );
}

/** A linked company or contact: name to its card, clickable phones and e-mail; link another or unlink. */
function PartyBlock({ deal, type, party }: { deal: DealCard; type: PartyType; party: PartyRef | null | undefined }) {
  const [editing, setEditing] = useState(false);
  const invalidate = useDealInvalidation(deal.id);
  const { message } = App.useApp();
  const details = useQuery({ queryKey: keys.party(type, party?.id ?? ''), queryFn: () => partyApi.card(type, party!.id), enabled: !!party?.id });
  const field = type === 'company' ? 'companyId' : 'contactId';
  const relink = useMutation({
    mutationFn: (id: string | null) => dealApi.update(deal.id, { [field]: id }, deal.version),
    onSuccess: (card) => {
      setEditing(false);
      invalidate(card);
    },
    onError: (e) => {
      message.error(e instanceof ApiError && (e.status === 409 || e.status === 412) ? ru.card.conflict : messageOf(e));
      invalidate();
    },
  });
  const label = type === 'company' ? ru.card.company : ru.card.contact;
  const path = type === 'company' ? 'companies' : 'contacts';
  return (
    <div className="field-row party-block" data-testid={`deal-${type}`}>
      <span className="field-label">{label}</span>
      <div className="party-body">
        {editing ? (
          <PartyPicker type={type} value={party?.id} initialLabel={party?.name ?? undefined} autoFocus onChange={(id) => relink.mutate(id ?? null)} />
        ) : party ? (
          <>
            <Link to={`/${path}/${party.id}`} className="party-name" title={party.name ?? details.data?.name ?? undefined}>{party.name ?? details.data?.name ?? ru.app.open}</Link>
            {details.data && (
              <div className="small party-contacts" data-testid={`deal-${type}-contacts`}>
                {details.data.card.phones.map((p) => <a key={p} href={`tel:${p}`} className="phone-link" data-testid="party-phone">{formatPhone(p)}</a>)}
                {details.data.card.emails.map((m) => <a key={m} href={`mailto:${m}`}>{m}</a>)}
                {details.data.status === 'permanent' && <Tag color="green">{ru.lists.statuses.permanent}</Tag>}
              </div>
            )}
          </>
        ) : (
          <span className="muted">{type === 'company' ? ru.card.noCompany : ru.card.noContact}</span>
        )}
      </div>
      <Space size={0} className="party-actions">
        <Button size="small" type="link" onClick={() => setEditing(!editing)} loading={relink.isPending}>{editing ? ru.app.cancel : party ? ru.app.edit : ru.card.link}</Button>
        {party && !editing && <Button size="small" type="link" danger onClick={() => relink.mutate(null)}>{ru.card.unlink}</Button>}
      </Space>
    </div>
  );
}

function DealTags({ deal }: { deal: DealCard }) {
  const invalidate = useDealInvalidation(deal.id);
  const { message } = App.useApp();
  const run = async (action: () => Promise<DealCard>) => {
    try {
      invalidate(await action());
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  return (
    <TagsEditor
      tags={deal.tags}
      onAdd={(tag) => run(() => dealApi.tag(deal.id, [tag]))}
      onRemove={(tag) => run(() => dealApi.untag(deal.id, tag))}
    />
  );
}
