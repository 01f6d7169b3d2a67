import { Alert, Button } from 'antd';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, partyApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import type { DealCard, DealHistoryEntry, Funnel, PartyType } from '../../api/types';
import { showsNoTask } from '../../lib/feed';
import { CardFeed, useFeedTasks } from '../../components/CardFeed';

/** The deal's open tasks as the feed shows them (the card page asks the same, to keep the no-task flag honest). */
export function useDealOpenTasks(dealId: string) {
  return useFeedTasks({ type: 'deal', id: dealId }, 'open');
}

/**
 * The right side of the deal card: the card feed (changes, notes, completed tasks, open tasks, a
 * note input and "+ Задача") with rule 3 at its top — a warning when the deal has no task.
 */
export function DealFeed({ deal, funnels }: { deal: DealCard; funnels?: Funnel[] }) {
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: keys.dealHistory(deal.id), queryFn: () => dealApi.history(deal.id) });
  // the history names the linked contact/company by id: say their names (the current ones are on the card)
  const named = new Map<string, PartyType>();
  for (const entry of history.data ?? []) {
    for (const [field, change] of Object.entries(entry.changes ?? {})) {
      if (field !== 'contactId' && field !== 'companyId') continue;
      for (const id of [change.from, change.to]) {
        if (typeof id === 'string' && id !== deal.contact?.id && id !== deal.company?.id) named.set(id, field === 'contactId' ? 'contact' : 'company');
      }
    }
  }
  const others = useQueries({
    queries: [...named].map(([id, type]) => ({ queryKey: keys.party(type, id), queryFn: () => partyApi.card(type, id), retry: false, staleTime: 5 * 60_000 })),
  });
  const record = (id: string): string | undefined => {
    if (id === deal.contact?.id) return deal.contact?.name ?? undefined;
    if (id === deal.company?.id) return deal.company?.name ?? undefined;
    return others.find((q) => q.data?.id === id)?.data?.name;
  };
  const sendNote = async (text: string) => {
    const entry = await dealApi.addNote(deal.id, text);
    // the confirmed note takes the pending one's place at once; the refetch brings anything else new
    queryClient.setQueryData<DealHistoryEntry[]>(keys.dealHistory(deal.id), (current) => (current ? [entry, ...current] : current));
    void queryClient.invalidateQueries({ queryKey: keys.dealHistory(deal.id) });
  };
  return (
    <CardFeed
      subject={{ type: 'deal', id: deal.id, name: deal.title }}
      history={{ entries: history.data, pending: history.isPending, error: history.error, retry: () => void history.refetch() }}
      sendNote={sendNote}
      noteKey={['note', 'deal', deal.id]}
      words={{ label: ru.card.feed.label, addTaskHint: ru.card.feed.addTaskHint, tasksFailed: ru.card.feed.tasksFailed }}
      testId="deal-feed"
      funnels={funnels}
      funnelCode={deal.funnel}
      record={record}
      top={({ openTasks, planTask }) => showsNoTask(deal, openTasks) && (
        <Alert
          type="warning"
          showIcon
          className="no-task-banner"
          data-testid="no-task-banner"
          message={ru.deals.noTask}
          description={ru.card.noTaskBanner}
          action={<Button size="small" type="primary" onClick={planTask} data-testid="set-task">{ru.card.setTask}</Button>}
        />
      )}
    />
  );
}
