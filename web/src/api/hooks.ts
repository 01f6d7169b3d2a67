import { useQuery } from '@tanstack/react-query';
import { dealApi, meApi, partyApi, taskApi } from './endpoints';
import type { DirectoryUser, Funnel, Me } from './types';

const FIVE_MINUTES = 5 * 60_000;

export const keys = {
  me: ['me'] as const,
  users: ['users'] as const,
  funnels: ['funnels'] as const,
  tagPresets: ['tag-presets'] as const,
  taskTypes: ['task-types'] as const,
  customLists: ['custom-lists'] as const,
  board: (funnel: string) => ['board', funnel] as const,
  deals: ['deals'] as const,
  deal: (id: string) => ['deal', id] as const,
  dealHistory: (id: string) => ['deal-history', id] as const,
  unsorted: ['unsorted'] as const,
  tasks: ['tasks'] as const,
  task: (id: string) => ['task', id] as const,
  calendar: ['tasks', 'calendar'] as const,
  withoutTask: ['tasks', 'without-task'] as const,
  parties: (type: string) => ['parties', type] as const,
  party: (type: string, id: string) => ['party', type, id] as const,
  partyHistory: (type: string, id: string) => ['party-history', type, id] as const,
};

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: meApi.me, staleTime: Infinity, retry: 1 });
}

export function useUsers(enabled = true) {
  return useQuery({ queryKey: keys.users, queryFn: meApi.users, staleTime: FIVE_MINUTES, enabled });
}

export function useFunnels() {
  return useQuery({ queryKey: keys.funnels, queryFn: dealApi.funnels, staleTime: FIVE_MINUTES });
}

export function useTagPresets() {
  return useQuery({ queryKey: keys.tagPresets, queryFn: dealApi.tagPresets, staleTime: FIVE_MINUTES });
}

export function useTaskTypes() {
  return useQuery({ queryKey: keys.taskTypes, queryFn: taskApi.types, staleTime: FIVE_MINUTES });
}

export function useCustomLists() {
  return useQuery({ queryKey: keys.customLists, queryFn: partyApi.lists, staleTime: FIVE_MINUTES });
}

// ---- rights (the server decides; these only hide what would be refused) -----------------------

export function isAdmin(me: Me | undefined): boolean {
  return !!me?.roles.includes('crm-admin');
}

export function isHead(me: Me | undefined): boolean {
  return !!me?.roles.includes('crm-head');
}

/** Heads and admins see others' records and hand them over. */
export function managesOthers(me: Me | undefined): boolean {
  return isAdmin(me) || isHead(me);
}

export function hasSection(me: Me | undefined, section: 'mail' | 'analytics' | 'settings' | 'unsorted'): boolean {
  return isAdmin(me) || !!me?.roles.includes(`section-${section}`);
}

/** The people an owner picker offers: a head — their groups' members and themself; an admin — everyone. */
export function assignableUsers(me: Me | undefined, users: DirectoryUser[] | undefined): DirectoryUser[] {
  if (!me || !users) return [];
  if (isAdmin(me)) return users;
  if (isHead(me)) return users.filter((u) => u.id === me.id || u.groups.some((g) => me.groups.includes(g)));
  return users.filter((u) => u.id === me.id);
}

export function stageName(funnels: Funnel[] | undefined, funnel: string, stage: string): string {
  return funnels?.find((f) => f.code === funnel)?.stages.find((s) => s.code === stage)?.name ?? stage;
}

export function funnelName(funnels: Funnel[] | undefined, funnel: string): string {
  return funnels?.find((f) => f.code === funnel)?.name ?? funnel;
}
