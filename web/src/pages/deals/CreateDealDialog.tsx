import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Col, Divider, Form, Input, InputNumber, Modal, Row, Segmented, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, partyApi, type NewParty } from '../../api/endpoints';
import { managesOthers } from '../../api/hooks';
import type { DealCard, DuplicateMatch, Funnel, PartyType } from '../../api/types';
import { messageOf } from '../../api/http';
import { RU_NUMBER_INPUT } from '../../lib/format';
import { fieldErrors, useConfirmDiscard } from '../../components/common';
import { PartyPicker } from '../../components/PartyPicker';
import { NewPartyFields } from '../../components/NewPartyFields';
import { UserSelect } from '../../components/UserSelect';
import { useCurrentUser } from '../../components/MeContext';
import { DEFAULT_GRADES } from '../../lib/grades';
import { openStages } from '../../lib/board';
import { useIdempotencyKey } from '../../lib/idempotency';

type Mode = 'existing' | 'new';

interface PartyValues {
  name?: string;
  phone?: string;
  email?: string;
  inn?: string;
  position?: string;
}

interface Values {
  title: string;
  stage: string;
  ownerId?: string;
  expectedMonthlyVolumeT?: number | null;
  metalGrades?: string[];
  contactId?: string;
  companyId?: string;
  newContact?: PartyValues;
  newCompany?: PartyValues;
}

function partyBody(values: PartyValues | undefined, ownerId: string | undefined): NewParty {
  return {
    name: values?.name?.trim() ?? '',
    phones: values?.phone?.trim() ? [values.phone.trim()] : undefined,
    emails: values?.email?.trim() ? [values.email.trim()] : undefined,
    inn: values?.inn?.trim() || undefined,
    position: values?.position?.trim() || undefined,
    ...(ownerId ? { ownerId } : {}),
  } as NewParty;
}

/** "+ Новая сделка": a title, the stage, and who it is with — found, or created on the spot. */
export function CreateDealDialog({ open, funnel, initialStage, onClose, onCreated }: {
  open: boolean;
  funnel: Funnel;
  initialStage?: string;
  onClose: () => void;
  onCreated?: (deal: DealCard) => void;
}) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [contactMode, setContactMode] = useState<Mode>('existing');
  const [companyMode, setCompanyMode] = useState<Mode>('existing');
  const [contactLabel, setContactLabel] = useState<string>();
  const [companyLabel, setCompanyLabel] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  // parties already created by an earlier attempt are reused on retry, never created twice
  const created = useRef<{ contact?: string; company?: string }>({});
  // one key per step of this opening: a second click or a retry after a lost answer makes nothing twice
  const idempotency = useIdempotencyKey(open);
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const queryClient = useQueryClient();
  const stages = openStages(funnel);

  const reset = () => {
    form.resetFields();
    setContactMode('existing');
    setCompanyMode('existing');
    setError(null);
    created.current = {};
    idempotency.renew();
  };

  const useExisting = (type: PartyType) => (match: DuplicateMatch) => {
    if (type === 'contact') {
      setContactMode('existing');
      setContactLabel(match.name);
      form.setFieldValue('contactId', match.partyId);
    } else {
      setCompanyMode('existing');
      setCompanyLabel(match.name);
      form.setFieldValue('companyId', match.partyId);
    }
  };

  const create = useMutation({
    mutationFn: async (values: Values) => {
      const ownerId = values.ownerId && values.ownerId !== me.id ? values.ownerId : undefined;
      let companyId = companyMode === 'existing' ? values.companyId : created.current.company;
      if (companyMode === 'new' && !companyId && values.newCompany?.name?.trim()) {
        try {
          companyId = (await partyApi.create('company', partyBody(values.newCompany, ownerId), { idempotencyKey: idempotency.get('company') })).id;
        } catch (e) {
          throw Object.assign(e as object, { section: 'newCompany' });
        }
        created.current.company = companyId;
      }
      let contactId = contactMode === 'existing' ? values.contactId : created.current.contact;
      if (contactMode === 'new' && !contactId && values.newContact?.name?.trim()) {
        try {
          contactId = (await partyApi.create('contact', { ...partyBody(values.newContact, ownerId), companyId }, { idempotencyKey: idempotency.get('contact') })).id;
        } catch (e) {
          throw Object.assign(e as object, { section: 'newContact' });
        }
        created.current.contact = contactId;
      }
      return dealApi.create({
        title: values.title.trim(),
        funnel: funnel.code,
        stage: values.stage,
        ownerId,
        contactId,
        companyId,
        expectedMonthlyVolumeT: values.expectedMonthlyVolumeT ?? undefined,
        metalGrades: values.metalGrades?.length ? values.metalGrades : undefined,
      }, { idempotencyKey: idempotency.get('deal') });
    },
    onSuccess: (deal) => {
      void queryClient.invalidateQueries({ queryKey: ['board'] });
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      void queryClient.invalidateQueries({ queryKey: ['parties'] });
      message.success({ content: <span>{ru.create.created}: <Link to={`/deals/${deal.id}`}>{deal.title}</Link></span> });
      reset();
      onCreated?.(deal);
      onClose();
    },
    onError: (e: unknown) => {
      idempotency.failed(e);
      const section = (e as { section?: string }).section;
      const names = ['title', 'stage', 'expectedMonthlyVolumeT', 'metalGrades', 'name', 'phones', 'emails', 'inn'];
      const fields = fieldErrors(e, names).map((f) => {
        if (!section) return f;
        const sub = f.name === 'phones' ? 'phone' : f.name === 'emails' ? 'email' : f.name;
        return { name: [section, sub] as unknown as string, errors: f.errors };
      });
      if (fields.length) form.setFields(fields as never);
      setError(messageOf(e));
    },
  });

  const close = () => confirmDiscard(form.isFieldsTouched(), () => {
    reset();
    onClose();
  });

  return (
    <Modal
      open={open}
      title={ru.create.title}
      okText={ru.app.create}
      cancelText={ru.app.cancel}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      width={720}
      destroyOnHidden
      maskClosable={false}
      data-testid="create-deal-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ stage: initialStage ?? stages[0]?.code, ownerId: me.id }}
        onFinish={(values) => {
          setError(null);
          create.mutate(values);
        }}
        onValuesChange={() => error && setError(null)}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="create-deal-error" />}
        <Form.Item name="title" label={ru.create.dealTitle} rules={[{ required: true, whitespace: true, message: ru.create.dealTitleRequired }]}>
          <Input autoFocus maxLength={200} placeholder={ru.create.dealTitlePlaceholder} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={managesOthers(me) ? 8 : 12}>
            <Form.Item name="stage" label={ru.create.stage}>
              <Select options={stages.map((s) => ({ value: s.code, label: s.name }))} />
            </Form.Item>
          </Col>
          {managesOthers(me) && (
            <Col xs={24} sm={8}>
              <Form.Item name="ownerId" label={ru.create.owner}>
                <UserSelect />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={managesOthers(me) ? 8 : 12}>
            <Form.Item name="expectedMonthlyVolumeT" label={ru.create.volume}>
              <InputNumber min={0} max={999999999} precision={3} {...RU_NUMBER_INPUT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="metalGrades" label={ru.create.grades}>
          <Select mode="tags" options={DEFAULT_GRADES.map((g) => ({ value: g, label: g }))} tokenSeparators={[',']} />
        </Form.Item>

        <Divider orientation="left" plain>{ru.create.company}</Divider>
        <Segmented<Mode>
          value={companyMode}
          onChange={setCompanyMode}
          options={[{ value: 'existing', label: ru.create.existing }, { value: 'new', label: ru.create.newCompany }]}
          style={{ marginBottom: 12 }}
          data-testid="company-mode"
        />
        {companyMode === 'existing' ? (
          <Form.Item name="companyId">
            <PartyPicker type="company" initialLabel={companyLabel} />
          </Form.Item>
        ) : (
          <NewPartyFields type="company" prefix="newCompany" form={form} onUseExisting={useExisting('company')} />
        )}

        <Divider orientation="left" plain>{ru.create.contact}</Divider>
        <Segmented<Mode>
          value={contactMode}
          onChange={setContactMode}
          options={[{ value: 'existing', label: ru.create.existing }, { value: 'new', label: ru.create.newContact }]}
          style={{ marginBottom: 12 }}
          data-testid="contact-mode"
        />
        {contactMode === 'existing' ? (
          <Form.Item name="contactId">
            <PartyPicker type="contact" initialLabel={contactLabel} />
          </Form.Item>
        ) : (
          <NewPartyFields type="contact" prefix="newContact" form={form} onUseExisting={useExisting('contact')} />
        )}
      </Form>
    </Modal>
  );
}
