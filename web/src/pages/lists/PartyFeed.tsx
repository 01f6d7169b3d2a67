import { useMemo } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { partyApi } from '../../api/endpoints';
import { keys, useUsers } from '../../api/hooks';
import { ApiError } from '../../api/http';
import type { Party, PartyHistoryEntry, PartyType } from '../../api/types';
import { partiesNamed, partyFeedHistory } from '../../lib/partyHistory';
import { CardFeed } from '../../components/CardFeed';

/** 409 `party-merged`: the record was merged into another meanwhile (takes no more changes). */
export function isMergedRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'party-merged';
}

/** A record another one names in its history (a linked company, a merged duplicate): asked once, kept a while. */
const NAMES_STALE_MS = 5 * 60_000;

/**
 * The right side of a contact's or company's card: one feed like the deal's — its history (edits
 * as what they changed, owner changes with the reason, links, merges, notes), its tasks, a note
 * input and "+ Задача".
 */
export function PartyFeed({ party }: { party: Party }) {
  const queryClient = useQueryClient();
  const { type, id } = party;
  const history = useQuery({ queryKey: keys.partyHistory(type, id), queryFn: () => partyApi.history(type, id) });
  const users = useUsers();
  const card = useMemo(() => ({ id, type }), [id, type]);
  const named = useMemo(() => partiesNamed(history.data ?? [], card), [history.data, card]);
  const names = useQueries({
    queries: named.map((ref) => ({
      queryKey: keys.party(ref.type, ref.id),
      queryFn: () => partyApi.card(ref.type, ref.id),
      staleTime: NAMES_STALE_MS,
      retry: (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2,
    })),
  });
  const nameKey = names.map((n) => n.data?.name ?? (n.isError ? '!' : '…')).join('\u0001');
  const entries = useMemo(() => {
    if (!history.data) return undefined;
    const byId = new Map(named.map((ref, i) => [`${ref.type}:${ref.id}`, names[i]]));
    const directory = new Map((users.data ?? []).map((u) => [u.id, u]));
    return partyFeedHistory(history.data, card, {
      user: (userId) => directory.get(userId),
      party: (t: PartyType, partyId) => {
        const found = byId.get(`${t}:${partyId}`);
        if (!found || found.isError) return undefined;
        return found.data?.name ?? ru.app.loading;
      },
    });
    // names: their state as one string (nameKey), so the new array useQueries gives each render recomputes nothing
  }, [history.data, card, named, users.data, nameKey]);

  const sendNote = async (text: string) => {
    let entry: PartyHistoryEntry;
    try {
      entry = await partyApi.addNote(type, id, text);
    } catch (e) {
      if (isMergedRefusal(e)) void queryClient.invalidateQueries({ queryKey: keys.party(type, id) }); // the card then says where it went
      throw e;
    }
    queryClient.setQueryData<PartyHistoryEntry[]>(keys.partyHistory(type, id), (current) => (current ? [entry, ...current] : current));
    void queryClient.invalidateQueries({ queryKey: keys.partyHistory(type, id) });
  };

  return (
    <CardFeed
      subject={{ type, id, name: party.name }}
      history={{ entries, pending: history.isPending, error: history.error, retry: () => void history.refetch() }}
      sendNote={sendNote}
      noteKey={['note', type, id]}
      words={{
        label: type === 'company' ? ru.party.feedCompany : ru.party.feedContact,
        addTaskHint: type === 'company' ? ru.party.addTaskCompany : ru.party.addTaskContact,
        tasksFailed: ru.party.tasksFailed,
      }}
      testId="party-feed"
    />
  );
}
