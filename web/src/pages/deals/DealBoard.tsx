import { memo, useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Form, Input, Modal } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DndContext, DragOverlay, KeyboardSensor, MouseSensor, pointerWithin, rectIntersection, TouchSensor, useDraggable, useDroppable, useSensor, useSensors,
  type CollisionDetection, type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, partyApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { Board, BoardStage, DealItem, Funnel } from '../../api/types';
import { appendPage, applyMove, checkMove, closingZones, findDeal, parseTargetId, targetId, taskState, taskStateHint, type DropTarget } from '../../lib/board';
import { boardQuery, type DealFilter } from '../../lib/filters';
import { countOf, formatTonnes, initials } from '../../lib/format';
import { EmptyState, ErrorState, Loading } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { useIdempotencyKey } from '../../lib/idempotency';

const PAGE = 50;

const STAGE_COLORS = ['#94a3b8', '#60a5fa', '#a78bfa', '#f59e0b', '#34d399', '#f472b6', '#22d3ee', '#fb923c'];

/** Drop zones first (they sit over the columns' bottoms), then the column under the pointer. */
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length) {
    const zone = within.find((c) => String(c.id).startsWith('won:') || String(c.id).startsWith('lost:'));
    return zone ? [zone] : within;
  }
  return rectIntersection(args);
};

/** Воронка: a column per stage, cards dragged between them, closing zones while dragging. */
export function DealBoard({ funnel, filter }: { funnel: Funnel; filter: DealFilter }) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const query = boardQuery(filter, me.id, PAGE);
  const queryKey = useMemo(() => [...keys.board(funnel.code), query] as const, [funnel.code, JSON.stringify(query)]); // eslint-disable-line react-hooks/exhaustive-deps
  const board = useQuery({
    queryKey,
    queryFn: ({ signal }) => dealApi.board(funnel.code, query, signal),
    placeholderData: (previous) => (previous?.funnel === funnel.code ? previous : undefined),
  });
  const [dragging, setDragging] = useState<DealItem | null>(null);
  const [lossFor, setLossFor] = useState<DealItem | null>(null);
  const [lossForm] = Form.useForm<{ reason: string }>();
  const [loadingMore, setLoadingMore] = useState<string | null>(null);

  // a mouse drags at once; a finger drags after a short press, so a swipe scrolls the board (phone at the yard)
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );

  const move = useMutation({
    mutationFn: ({ deal, stage, lossReason }: { deal: DealItem; stage: string; lossReason?: string }) => dealApi.move(deal.id, stage, lossReason),
    onMutate: async ({ deal, stage }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<Board>(queryKey);
      if (previous) queryClient.setQueryData<Board>(queryKey, applyMove(previous, deal.id, stage));
      return { previous };
    },
    onError: (error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      message.error({ content: <span data-testid="move-error"><strong>{ru.deals.moveRefused}.</strong> {messageOf(error)}</span>, duration: 8 });
    },
    onSettled: (_data, _error, { deal }) => {
      void queryClient.invalidateQueries({ queryKey: keys.board(funnel.code) });
      void queryClient.invalidateQueries({ queryKey: keys.deals });
      void queryClient.invalidateQueries({ queryKey: keys.deal(deal.id) });
    },
  });

  const requestMove = useCallback((deal: DealItem, target: DropTarget) => {
    const check = checkMove(deal, target, funnel);
    if (!check.ok) return;
    if (check.needsReason) {
      lossForm.resetFields();
      setLossFor(deal);
      return;
    }
    if (check.confirm) {
      modal.confirm({
        title: ru.deals.wonTitle,
        content: ru.deals.wonText,
        okText: ru.deals.wonConfirm,
        cancelText: ru.app.cancel,
        onOk: () => move.mutate({ deal, stage: target.stage }),
      });
      return;
    }
    move.mutate({ deal, stage: target.stage });
  }, [funnel, lossForm, modal, move]);

  const onDragStart = (event: DragStartEvent) => {
    setDragging(findDeal(board.data, String(event.active.id)) ?? null);
  };

  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const deal = findDeal(board.data, String(event.active.id));
    const target = parseTargetId(event.over?.id);
    if (deal && target) requestMove(deal, target);
  };

  const loadMore = async (stage: BoardStage) => {
    setLoadingMore(stage.code);
    try {
      const page = await dealApi.board(funnel.code, { ...query, stage: stage.code, offset: stage.deals.length, limit: PAGE });
      const more = page.stages.find((s) => s.code === stage.code)?.deals ?? [];
      queryClient.setQueryData<Board>(queryKey, (current) => (current ? appendPage(current, stage.code, more) : current));
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setLoadingMore(null);
    }
  };

  if (board.isPending) return <Loading />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;

  const columns = board.data.stages.filter((s) => s.kind === 'open');
  const zones = closingZones(funnel);
  const nothing = columns.every((c) => c.count === 0);

  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      <div className="board" data-testid="board" aria-busy={board.isFetching}>
        {columns.map((stage, index) => (
          <BoardColumn
            key={stage.code}
            stage={stage}
            color={STAGE_COLORS[index % STAGE_COLORS.length]!}
            first={index === 0}
            funnel={funnel}
            onLoadMore={() => void loadMore(stage)}
            loadingMore={loadingMore === stage.code}
            onOpen={(deal) => navigate(`/deals/${deal.id}`)}
          />
        ))}
      </div>
      {nothing && !board.isFetching && <div className="board-empty"><EmptyState text={query.owner || query.tags || query.q ? ru.deals.noDealsFiltered : ru.deals.noDeals} /></div>}
      {dragging && zones.length > 0 && (
        <div className="drop-zones" data-testid="drop-zones">
          {zones.map((zone) => <DropZone key={zone.stage} zone={zone} />)}
        </div>
      )}
      <DragOverlay dropAnimation={null}>{dragging ? <DealCardView deal={dragging} overlay /> : null}</DragOverlay>
      <Modal
        open={!!lossFor}
        title={ru.deals.lossTitle}
        okText={ru.deals.lossConfirm}
        okButtonProps={{ danger: true }}
        cancelText={ru.app.cancel}
        onCancel={() => setLossFor(null)}
        onOk={() => lossForm.submit()}
        destroyOnHidden
      >
        {lossFor && <p><strong>{lossFor.title}</strong></p>}
        <Form
          form={lossForm}
          layout="vertical"
          onFinish={({ reason }) => {
            const deal = lossFor!;
            const lost = funnel.stages.find((s) => s.kind === 'lost')!;
            setLossFor(null);
            move.mutate({ deal, stage: lost.code, lossReason: reason.trim() });
          }}
        >
          <Form.Item name="reason" label={ru.deals.lossReason} rules={[{ required: true, whitespace: true, message: ru.deals.lossReasonRequired }]}>
            <Input.TextArea autoFocus rows={3} maxLength={2000} placeholder={ru.deals.lossReasonPlaceholder} />
          </Form.Item>
        </Form>
      </Modal>
    </DndContext>
  );
}

function BoardColumn({ stage, color, first, funnel, onLoadMore, loadingMore, onOpen }: {
  stage: BoardStage;
  color: string;
  first: boolean;
  funnel: Funnel;
  onLoadMore: () => void;
  loadingMore: boolean;
  onOpen: (deal: DealItem) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: targetId({ kind: 'stage', stage: stage.code }) });
  const rest = stage.count - stage.deals.length;
  return (
    <section ref={setNodeRef} className={`board-column${isOver ? ' over' : ''}`} data-testid={`column-${stage.code}`} aria-label={stage.name}>
      <header className="board-column-head" style={{ borderTopColor: color }}>
        <div className="board-column-title" title={stage.name}>{stage.name}</div>
        <div className="board-column-summary" data-testid={`summary-${stage.code}`}>
          {ru.deals.stageSummary(countOf(stage.count, ru.plural.deals), formatTonnes(stage.volume))}
        </div>
      </header>
      <div className="board-column-body">
        {first && <QuickAdd funnel={funnel} stage={stage.code} />}
        {stage.deals.map((deal) => <DraggableCard key={deal.id} deal={deal} onOpen={onOpen} />)}
        {rest > 0 && (
          <Button block type="text" loading={loadingMore} onClick={onLoadMore} className="board-more">
            {ru.deals.loadMore(countOf(Math.min(rest, PAGE), ru.plural.deals))}
          </Button>
        )}
      </div>
    </section>
  );
}

const DraggableCard = memo(function DraggableCard({ deal, onOpen }: { deal: DealItem; onOpen: (deal: DealItem) => void }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: deal.id });
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      aria-roledescription={ru.deals.dragHandle}
      className={`deal-card-wrap${isDragging ? ' dragging' : ''}`}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented) onOpen(deal);
      }}
    >
      <DealCardView deal={deal} />
    </div>
  );
});

/** A card as light as possible (plain elements, no popups): a board holds hundreds of them. */
function DealCardView({ deal, overlay }: { deal: DealItem; overlay?: boolean }) {
  const party = [deal.company?.name, deal.contact?.name].filter(Boolean).join(' · ');
  const state = taskState(deal);
  const owner = deal.owner?.name || deal.owner?.username || '';
  return (
    <article className={`deal-card${overlay ? ' overlay' : ''}`} data-testid="deal-card" data-deal-id={deal.id} data-title={deal.title}>
      <div className="deal-card-title">
        <Link to={`/deals/${deal.id}`} onClick={(e) => e.stopPropagation()} draggable={false}>{deal.title}</Link>
      </div>
      {party && <div className="deal-card-party">{party}</div>}
      <div className="deal-card-meta">
        {deal.expectedVolumeT !== null && deal.expectedVolumeT !== undefined && <span>{formatTonnes(deal.expectedVolumeT)}</span>}
        {deal.deliveries > 0 && <span>{ru.deals.deliveries(deal.deliveries)}</span>}
      </div>
      {deal.tags.length > 0 && (
        <div className="tag-chips">
          {deal.tags.slice(0, 4).map((t) => <span key={t} className="chip">{t}</span>)}
          {deal.tags.length > 4 && <span className="chip">+{deal.tags.length - 4}</span>}
        </div>
      )}
      <div className="deal-card-foot">
        {state === 'none' ? (
          <span className="chip chip-warning" title={taskStateHint(deal, state)} data-testid="task-none"><ExclamationCircleOutlined /> {ru.deals.noTask}</span>
        ) : state === 'overdue' ? (
          <span className="chip chip-danger" title={taskStateHint(deal, state)} data-testid="task-overdue"><ClockCircleOutlined /> {ru.deals.taskOverdue}</span>
        ) : <span />}
        <span className="initials" title={owner} aria-label={owner}>{initials(owner)}</span>
      </div>
    </article>
  );
}

function DropZone({ zone }: { zone: DropTarget }) {
  const { setNodeRef, isOver } = useDroppable({ id: targetId(zone) });
  return (
    <div ref={setNodeRef} className={`drop-zone ${zone.kind}${isOver ? ' over' : ''}`} data-testid={`drop-${zone.kind}`}>
      <strong>{zone.kind === 'won' ? ru.deals.dropWon : ru.deals.dropLost}</strong>
      <span className="small">{ru.deals.dropHint}</span>
    </div>
  );
}

/** Title (and a phone, which becomes the deal's contact) is enough to start a lead. */
function QuickAdd({ funnel, stage }: { funnel: Funnel; stage: string }) {
  const [title, setTitle] = useState('');
  const [phone, setPhone] = useState('');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // one key per entry (the contact's per what it is made of): Enter twice or a retry makes one deal and one contact
  const idempotency = useIdempotencyKey();
  const add = useMutation({
    mutationFn: async () => {
      let contactId: string | undefined;
      if (phone.trim()) {
        const contact = { name: title.trim(), phones: [phone.trim()] };
        const step = `contact:${JSON.stringify(contact)}`;
        try {
          contactId = (await partyApi.create('contact', contact, { idempotencyKey: idempotency.get(step) })).id;
        } catch (e) {
          idempotency.failed(e, step);
          throw e;
        }
      }
      try {
        return await dealApi.create({ title: title.trim(), funnel: funnel.code, stage, contactId }, { idempotencyKey: idempotency.get('deal') });
      } catch (e) {
        idempotency.failed(e, 'deal');
        throw e;
      }
    },
    onSuccess: () => {
      idempotency.renew();
      setTitle('');
      setPhone('');
      void queryClient.invalidateQueries({ queryKey: keys.board(funnel.code) });
      void queryClient.invalidateQueries({ queryKey: keys.deals });
    },
    onError: (e) => message.error(messageOf(e)),
  });
  const submit = () => {
    if (title.trim() && !add.isPending) add.mutate();
  };
  return (
    <div className="quick-add">
      <Input
        size="small"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={ru.deals.quickAddPlaceholder}
        onPressEnter={submit}
        maxLength={200}
        aria-label={ru.deals.quickAddPlaceholder}
      />
      {title && (
        <div className="quick-add-row">
          <Input size="small" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder={ru.deals.quickAddPhone} onPressEnter={submit} maxLength={40} inputMode="tel" />
          <Button size="small" type="primary" icon={<PlusOutlined />} loading={add.isPending} onClick={submit} aria-label={ru.app.add} />
        </div>
      )}
    </div>
  );
}
