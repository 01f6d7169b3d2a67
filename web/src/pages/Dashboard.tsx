import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, List, Progress, Row, Select, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../i18n/ru';
import { dealApi, taskApi } from '../api/endpoints';
import { hasSection, keys, useFunnels } from '../api/hooks';
import type { BoardStage, Task } from '../api/types';
import { formatNumber, formatTonnes, moscowDayStart, nowMoscow } from '../lib/format';
import { loadPref, savePref } from '../lib/storage';
import { EmptyState, ErrorState, PageHeader, UserName } from '../components/common';
import { useCurrentUser } from '../components/MeContext';
import { CompleteTaskButton } from '../components/tasks/TaskActions';
import { dueText } from '../components/tasks/LinkedTasks';
import { linkPath } from './tasks/TaskList';

/** Рабочий стол: what needs doing now, and where the sales stand. */
export default function Dashboard() {
  const me = useCurrentUser();
  return (
    <div className="page dashboard" data-testid="dashboard">
      <PageHeader left={<h1 className="page-title">{ru.dashboard.title}</h1>} />
      <div className="page-body dashboard-grid">
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}><MyTasks /></Col>
          <Col xs={24} xl={12}><DealsByStage /></Col>
          {hasSection(me, 'unsorted') && <Col xs={24} md={8} xl={6}><UnsortedWidget /></Col>}
          <Col xs={24} md={16} xl={hasSection(me, 'unsorted') ? 18 : 24}><WithoutTaskWidget /></Col>
        </Row>
      </div>
    </div>
  );
}

function TaskLines({ tasks, empty }: { tasks: Task[]; empty: string }) {
  if (!tasks.length) return <p className="muted">{empty}</p>;
  return (
    <List<Task>
      size="small"
      dataSource={tasks}
      renderItem={(t) => (
        <List.Item actions={[<CompleteTaskButton key="c" task={t} />]}>
          <List.Item.Meta
            title={linkPath(t) ? <Link to={linkPath(t)!}>{t.text}</Link> : t.text}
            description={<span className={t.status === 'overdue' ? 'error-text' : undefined}>{dueText(t)}{t.link?.name ? ` · ${t.link.name}` : ''}</span>}
          />
        </List.Item>
      )}
    />
  );
}

function MyTasks() {
  const me = useCurrentUser();
  const today = nowMoscow().format('YYYY-MM-DD');
  const tomorrow = nowMoscow().add(1, 'day').format('YYYY-MM-DD');
  const overdue = useQuery({
    queryKey: [...keys.tasks, 'dashboard', 'overdue', me.id],
    queryFn: () => taskApi.list({ assigneeId: me.id, status: ['overdue'], sort: 'dueAt', direction: 'asc', size: 10 }),
    refetchInterval: 60_000,
  });
  const todays = useQuery({
    queryKey: [...keys.tasks, 'dashboard', 'today', me.id, today],
    queryFn: () => taskApi.list({ assigneeId: me.id, status: ['open'], from: moscowDayStart(today), to: moscowDayStart(tomorrow), sort: 'dueAt', direction: 'asc', size: 20 }),
    refetchInterval: 60_000,
  });
  return (
    <Card title={ru.dashboard.myTasks} size="small" extra={<Link to="/tasks">{ru.dashboard.allTasks}</Link>} data-testid="widget-tasks">
      {overdue.isError || todays.isError ? <ErrorState error={overdue.error ?? todays.error} onRetry={() => { void overdue.refetch(); void todays.refetch(); }} /> : (
        <>
          <Typography.Title level={5} className="widget-subtitle">
            {ru.dashboard.overdue} <span className="error-text">{overdue.data ? formatNumber(overdue.data.total) : ''}</span>
          </Typography.Title>
          {overdue.isPending ? <p className="muted">{ru.app.loading}</p> : <TaskLines tasks={overdue.data.items} empty={ru.dashboard.noOverdue} />}
          <Typography.Title level={5} className="widget-subtitle">
            {ru.dashboard.today} <span className="muted">{todays.data ? formatNumber(todays.data.total) : ''}</span>
          </Typography.Title>
          {todays.isPending ? <p className="muted">{ru.app.loading}</p> : <TaskLines tasks={todays.data.items} empty={ru.dashboard.noTasksToday} />}
        </>
      )}
    </Card>
  );
}

function DealsByStage() {
  const me = useCurrentUser();
  const funnels = useFunnels();
  const [code, setCode] = useState(() => loadPref(me.id, 'funnel'));
  const funnel = funnels.data?.find((f) => f.code === code) ?? funnels.data?.[0];
  const board = useQuery({
    queryKey: ['board', funnel?.code, 'summary'],
    queryFn: () => dealApi.board(funnel!.code, { limit: 1 }),
    enabled: !!funnel,
  });
  const stages = (board.data?.stages ?? []).filter((s) => s.kind === 'open');
  const max = Math.max(1, ...stages.map((s) => s.count));
  const totalCount = stages.reduce((n, s) => n + s.count, 0);
  const totalVolume = stages.reduce((n, s) => n + Number(s.volume), 0);
  return (
    <Card
      title={ru.dashboard.byStage}
      size="small"
      data-testid="widget-stages"
      extra={funnels.data && (
        <Select
          size="small"
          value={funnel?.code}
          onChange={(c) => { setCode(c); savePref(me.id, 'funnel', c); }}
          options={funnels.data.map((f) => ({ value: f.code, label: f.name }))}
          variant="borderless"
          popupMatchSelectWidth={false}
        />
      )}
    >
      {board.isError ? <ErrorState error={board.error} onRetry={() => board.refetch()} /> : (
        <Table<BoardStage>
          size="small"
          rowKey="code"
          loading={board.isPending}
          pagination={false}
          dataSource={stages}
          columns={[
            { key: 'stage', title: ru.dashboard.stage, render: (_, s) => <Link to={`/deals?view=list&stage=${encodeURIComponent(s.code)}`}>{s.name}</Link> },
            { key: 'bar', width: '30%', render: (_, s) => <Progress percent={(s.count / max) * 100} showInfo={false} size="small" status="normal" /> },
            { key: 'count', title: ru.dashboard.count, align: 'right', width: 90, render: (_, s) => formatNumber(s.count) },
            { key: 'volume', title: ru.dashboard.volume, align: 'right', width: 120, render: (_, s) => formatTonnes(s.volume) },
          ]}
          summary={() => (stages.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}><strong>{ru.dashboard.totalRow}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right"><strong>{formatNumber(totalCount)}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><strong>{formatTonnes(Math.round(totalVolume * 1000) / 1000)}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null)}
        />
      )}
    </Card>
  );
}

export function UnsortedWidget() {
  const inbox = useQuery({ queryKey: [...keys.unsorted, 'count'], queryFn: () => dealApi.unsorted('pending').then((r) => r.pending), refetchInterval: 60_000 });
  return (
    <Card title={ru.dashboard.unsorted} size="small" data-testid="widget-unsorted" extra={<Link to="/deals?view=unsorted">{ru.dashboard.openUnsorted}</Link>}>
      {inbox.isError ? <ErrorState error={inbox.error} /> : (
        <Link to="/deals?view=unsorted">
          <Statistic value={inbox.data ?? 0} loading={inbox.isPending} suffix={<span className="small muted" data-testid="unsorted-pending">{ru.dashboard.unsortedPending(inbox.data ?? 0)}</span>} />
        </Link>
      )}
    </Card>
  );
}

function WithoutTaskWidget() {
  const list = useQuery({ queryKey: ['tasks', 'without-task', 'dashboard'], queryFn: () => taskApi.dealsWithoutTask({ size: 8 }), refetchInterval: 60_000 });
  return (
    <Card
      title={ru.dashboard.withoutTask}
      size="small"
      data-testid="widget-without-task"
      extra={list.data && list.data.total > 0 && <Link to="/tasks?view=without">{ru.dashboard.showAll(formatNumber(list.data.total))}</Link>}
    >
      {list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : list.isPending ? <p className="muted">{ru.app.loading}</p> : list.data.items.length === 0 ? (
        <EmptyState text={ru.dashboard.allHaveTasks} />
      ) : (
        <List
          size="small"
          dataSource={list.data.items}
          header={<span className="muted small">{ru.dashboard.withoutTaskHint}</span>}
          renderItem={(d) => (
            <List.Item>
              <Link to={`/deals/${d.dealId}`}>{d.title}</Link>
              <span className="muted small"><UserName user={d.owner} /></span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
