import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, type InputRef } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { partyApi } from '../../api/endpoints';
import { isAdmin, managesOthers, useCustomLists } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { CustomList, DuplicateMatch, ListElement, Party, PartyType } from '../../api/types';
import { formatDate, formatDateTime, formatLocalDate, formatNumber } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { useDebounced } from '../../lib/useDebounced';
import { useSearchShortcut } from '../../lib/useSearchShortcut';
import { ErrorState, PageHeader, TagChips, UserName, useConfirmDiscard } from '../../components/common';
import { NewPartyFields } from '../../components/NewPartyFields';
import { TagsSelect } from '../../components/TagsEditor';
import { UserSelect } from '../../components/UserSelect';
import { useCurrentUser } from '../../components/MeContext';
import { ListElementDialog } from './ListElementDialog';
import { NewListDialog } from './NewListDialog';
import { useIdempotencyKey } from '../../lib/idempotency';

/** Списки: Компании, Контакты and the user-defined lists, chosen at the top left like a funnel. */
export default function ListsPage() {
  const { kind, listId } = useParams();
  const navigate = useNavigate();
  const lists = useCustomLists();
  const current = listId ? `custom:${listId}` : kind === 'contacts' ? 'contacts' : 'companies';
  const options = [
    { value: 'companies', label: ru.lists.companies },
    { value: 'contacts', label: ru.lists.contacts },
    ...((lists.data ?? []).length ? [{ label: ru.lists.custom, options: (lists.data ?? []).map((l) => ({ value: `custom:${l.id}`, label: l.name })) }] : []),
  ];
  const choose = (value: string) => navigate(value.startsWith('custom:') ? `/lists/custom/${value.slice(7)}` : `/lists/${value}`);
  const list = listId ? lists.data?.find((l) => l.id === listId) : undefined;
  const me = useCurrentUser();
  const [creatingList, setCreatingList] = useState(false);
  // party-service lets only an admin define a list (CustomListController.requireAdmin)
  const selector = (
    <Space size={4}>
      <ListSelector value={current} options={options} onChange={choose} />
      {isAdmin(me) && (
        <Button icon={<PlusOutlined />} onClick={() => setCreatingList(true)} aria-label={ru.lists.createList} title={ru.lists.createList} data-testid="create-list">
          <span className="btn-label">{ru.lists.createList}</span>
        </Button>
      )}
    </Space>
  );
  return (
    <div className="page lists-page">
      {listId ? (
        list ? <CustomListTable list={list} selector={selector} />
          : lists.isError ? <ErrorState error={lists.error} onRetry={() => lists.refetch()} />
            : <PageHeader left={selector} />
      ) : (
        <PartyTable key={current} type={current === 'contacts' ? 'contact' : 'company'} selector={selector} />
      )}
      {isAdmin(me) && <NewListDialog open={creatingList} onClose={() => setCreatingList(false)} onCreated={(created) => navigate(`/lists/custom/${created.id}`)} />}
    </div>
  );
}

function ListSelector({ value, options, onChange }: { value: string; options: React.ComponentProps<typeof Select>['options']; onChange: (v: string) => void }) {
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      variant="borderless"
      className="funnel-select"
      popupMatchSelectWidth={false}
      aria-label={ru.lists.choose}
      data-testid="list-select"
    />
  );
}

function PartyTable({ type, selector }: { type: PartyType; selector: React.ReactNode }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const searchRef = useRef<InputRef>(null);
  useSearchShortcut(searchRef);
  const [status, setStatus] = useState<'' | 'potential' | 'permanent'>('');
  const [owner, setOwner] = useState<string | undefined>();
  const [tags, setTags] = useState<string[]>([]);
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(50);
  const [sort, setSort] = useState<{ field: string; direction: 'asc' | 'desc' }>({ field: 'updatedAt', direction: 'desc' });
  const [creating, setCreating] = useState(false);
  useEffect(() => setPage(0), [q, status, owner, tags]);
  const query = { q: q || undefined, status: status || undefined, owner, tags: tags.length ? tags : undefined, page, size, sort: sort.field, direction: sort.direction };
  const list = useQuery({
    queryKey: ['parties', type, query],
    queryFn: ({ signal }) => partyApi.list(type, query, signal),
    placeholderData: keepPreviousData,
  });
  const l = ru.lists;
  const path = type === 'company' ? 'companies' : 'contacts';
  return (
    <>
      <PageHeader
        left={selector}
        middle={
          <Space wrap size={6}>
            <Input.Search ref={searchRef} aria-label={l.search} allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={l.search} style={{ width: 260 }} maxLength={200} data-testid="list-search" />
            <Select value={status} onChange={setStatus} style={{ width: 170 }} aria-label={l.status}
              options={[{ value: '', label: l.anyStatus }, { value: 'potential', label: l.statuses.potential }, { value: 'permanent', label: l.statuses.permanent }]} />
            {managesOthers(me) && <UserSelect everyone allowClear value={owner} onChange={setOwner} placeholder={l.owner} style={{ width: 170 }} />}
            <TagsSelect value={tags} onChange={setTags} placeholder={l.tags} style={{ minWidth: 160 }} />
          </Space>
        }
        right={(
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} aria-label={type === 'company' ? l.newCompany : l.newContact} title={type === 'company' ? l.newCompany : l.newContact}>
            <span className="btn-label">{type === 'company' ? l.newCompany : l.newContact}</span>
          </Button>
        )}
      />
      <div className="page-body">
        {list.isError && !list.data ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : (
          <Table<Party>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items}
            locale={{ emptyText: l.empty }}
            scroll={{ x: 'max-content', y: 'calc(100vh - 210px)' }}
            onRow={(p) => ({ onDoubleClick: () => navigate(`/${path}/${p.id}`) })}
            onChange={(pagination, _f, sorter, extra) => {
              if (extra.action === 'sort') {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                setSort(s?.order ? { field: String(s.columnKey), direction: s.order === 'ascend' ? 'asc' : 'desc' } : { field: 'updatedAt', direction: 'desc' });
                setPage(0);
              } else if ((pagination.pageSize ?? size) !== size) {
                setSize(pagination.pageSize ?? size);
                setPage(0);
              } else setPage((pagination.current ?? 1) - 1);
            }}
            pagination={{
              current: page + 1, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], size: 'small',
              showTotal: (total, [from, to]) => ru.app.range(from, to, formatNumber(total)),
            }}
            columns={[
              {
                key: 'name', title: type === 'company' ? l.name : l.contactName, sorter: true, width: 260, ellipsis: true,
                sortOrder: sort.field === 'name' ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null,
                render: (_, p) => <Link to={`/${path}/${p.id}`}>{p.name}</Link>,
              },
              { key: 'phones', title: l.phones, width: 170, render: (_, p) => p.card.phones.map((x) => <div key={x}><a href={`tel:${x}`}>{formatPhone(x)}</a></div>) },
              { key: 'emails', title: l.emails, width: 200, ellipsis: true, render: (_, p) => p.card.emails.join(', ') },
              ...(type === 'company' ? [{ key: 'inn', title: l.inn, width: 130, render: (_: unknown, p: Party) => p.card.inn ?? '' }] : []),
              { key: 'status', title: l.status, width: 170, render: (_, p) => <Tag color={p.status === 'permanent' ? 'green' : 'default'}>{l.statuses[p.status]}</Tag> },
              { key: 'deliveries', title: l.deliveries, width: 90, align: 'right', render: (_, p) => formatNumber(p.deliveries) },
              { key: 'owner', title: l.owner, width: 160, ellipsis: true, render: (_, p) => <UserName user={p.owner} /> },
              { key: 'tags', title: l.tags, width: 200, render: (_, p) => <TagChips tags={p.tags} max={3} /> },
              {
                key: 'updatedAt', title: l.updatedAt, width: 150, sorter: true,
                sortOrder: sort.field === 'updatedAt' ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null,
                render: (_, p) => formatDateTime(p.updatedAt),
              },
              {
                key: 'createdAt', title: l.createdAt, width: 110, sorter: true,
                sortOrder: sort.field === 'createdAt' ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null,
                render: (_, p) => formatDate(p.createdAt),
              },
            ]}
          />
        )}
      </div>
      <NewPartyDialog type={type} open={creating} onClose={() => setCreating(false)} onCreated={(p) => navigate(`/${path}/${p.id}`)} />
    </>
  );
}

/** A new contact or company, with the duplicate warning while typing. */
export function NewPartyDialog({ type, open, onClose, onCreated }: { type: PartyType; open: boolean; onClose: () => void; onCreated: (p: Party) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const confirmDiscard = useConfirmDiscard();
  const { message } = App.useApp();
  // one key per opening of the dialog: a double click or a retry after a lost answer makes one record
  const idempotency = useIdempotencyKey(open);
  const create = useMutation({
    mutationFn: (v: { party: { name: string; phone?: string; email?: string; inn?: string; position?: string } }) => partyApi.create(type, {
      name: v.party.name.trim(),
      phones: v.party.phone?.trim() ? [v.party.phone.trim()] : undefined,
      emails: v.party.email?.trim() ? [v.party.email.trim()] : undefined,
      inn: v.party.inn?.trim() || undefined,
      position: v.party.position?.trim() || undefined,
    }, { idempotencyKey: idempotency.get() }),
    onSuccess: (p) => {
      idempotency.renew();
      void queryClient.invalidateQueries({ queryKey: ['parties'] });
      message.success(ru.party.saved);
      form.resetFields();
      onClose();
      onCreated(p);
    },
    onError: (e) => {
      idempotency.failed(e);
      setError(messageOf(e));
    },
  });
  const close = () => confirmDiscard(form.isFieldsTouched(), () => { form.resetFields(); setError(null); onClose(); });
  return (
    <Modal open={open} title={type === 'company' ? ru.lists.newCompany : ru.lists.newContact} okText={ru.app.create} cancelText={ru.app.cancel}
      onOk={() => form.submit()} onCancel={close} confirmLoading={create.isPending} destroyOnHidden maskClosable={false}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => { setError(null); create.mutate(v); }}>
        <NewPartyFields
          type={type}
          prefix="party"
          form={form}
          onUseExisting={(m: DuplicateMatch) => {
            onClose();
            navigate(`/${m.partyType === 'company' ? 'companies' : 'contacts'}/${m.partyId}`);
          }}
        />
      </Form>
    </Modal>
  );
}

function customValue(value: unknown, type: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'number') return formatNumber(value as number);
  if (type === 'date') return formatLocalDate(String(value));
  if (type === 'phone') return formatPhone(String(value));
  return String(value);
}

function CustomListTable({ list, selector }: { list: CustomList; selector: React.ReactNode }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ element: ListElement | null } | null>(null);
  const remove = useMutation({
    mutationFn: (element: ListElement) => partyApi.removeElement(list.id, element.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['list-elements', list.id] });
      message.success(ru.lists.elementDeleted);
    },
    onError: (e) => message.error(messageOf(e), 8),
  });
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const searchRef = useRef<InputRef>(null);
  useSearchShortcut(searchRef);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [q, list.id]);
  const elements = useQuery({
    queryKey: ['list-elements', list.id, q, page],
    queryFn: ({ signal }) => partyApi.elements(list.id, { q: q || undefined, page, size: 50 }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        left={selector}
        middle={<Input.Search ref={searchRef} aria-label={ru.app.search} data-testid="list-search" allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={ru.app.search} style={{ width: 280 }} maxLength={200} />}
        right={(
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ element: null })} aria-label={ru.lists.addElement} title={ru.lists.addElement} data-testid="add-element">
            <span className="btn-label">{ru.lists.addElement}</span>
          </Button>
        )}
      />
      <div className="page-body">
        {elements.isError && !elements.data ? <ErrorState error={elements.error} onRetry={() => elements.refetch()} /> : (
          <Table<ListElement>
            rowKey="id"
            size="small"
            loading={elements.isFetching}
            dataSource={elements.data?.items}
            locale={{ emptyText: ru.lists.customEmpty }}
            scroll={{ x: 'max-content', y: 'calc(100vh - 210px)' }}
            onRow={(e) => ({ onDoubleClick: () => setEditing({ element: e }), 'data-testid': 'element-row' } as React.HTMLAttributes<HTMLElement>)}
            pagination={{
              current: page + 1, pageSize: 50, total: elements.data?.total ?? 0, onChange: (p) => setPage(p - 1), showSizeChanger: false, size: 'small',
              showTotal: (total, [from, to]) => ru.app.range(from, to, formatNumber(total)),
            }}
            columns={[
              ...list.fields.map((f) => ({
                key: f.code, title: f.name, ellipsis: true,
                render: (_: unknown, e: ListElement) => {
                  const text = customValue(e.values[f.code], f.type);
                  return f.type === 'phone' && text ? <a href={`tel:${e.values[f.code]}`}>{text}</a> : f.type === 'email' && text ? <a href={`mailto:${text}`}>{text}</a> : text;
                },
              })),
              { key: 'owner', title: ru.lists.owner, width: 160, render: (_: unknown, e: ListElement) => <UserName user={e.owner} /> },
              { key: 'updatedAt', title: ru.lists.updatedAt, width: 150, render: (_: unknown, e: ListElement) => formatDateTime(e.updatedAt) },
              {
                key: 'actions', title: '', width: 90, fixed: 'right' as const,
                render: (_: unknown, e: ListElement) => (
                  <Space size={0}>
                    <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing({ element: e })} aria-label={ru.lists.editElementLabel} title={ru.lists.editElementLabel} data-testid="edit-element" />
                    <Popconfirm
                      title={ru.lists.deleteElementConfirm}
                      okText={ru.app.delete}
                      okButtonProps={{ danger: true }}
                      cancelText={ru.app.cancel}
                      onConfirm={() => remove.mutateAsync(e).catch(() => undefined)}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={ru.lists.deleteElement} title={ru.lists.deleteElement} data-testid="delete-element" />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </div>
      <ListElementDialog list={list} element={editing?.element ?? null} open={!!editing} onClose={() => setEditing(null)} />
    </>
  );
}
