import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Popover, Space } from 'antd';
import { CheckOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { taskApi, type TaskDue } from '../../api/endpoints';
import { messageOf } from '../../api/http';
import type { Task } from '../../api/types';
import { dayjs, pickedToInstant, TIME_ZONE } from '../../lib/format';

/** After any task change: every list, the calendar, the badges, the deal flags. */
export function useTaskInvalidation() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['task'] });
    void queryClient.invalidateQueries({ queryKey: ['board'] });
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
    void queryClient.invalidateQueries({ queryKey: ['deal'] });
  };
}

/** "Выполнить": the result is asked in place (required); Enter saves, Esc closes. */
export function CompleteTaskButton({ task, size = 'small', block }: { task: Task; size?: 'small' | 'middle'; block?: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ result: string }>();
  const invalidate = useTaskInvalidation();
  const { message } = App.useApp();
  const complete = useMutation({
    mutationFn: (result: string) => taskApi.complete(task.id, result),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      invalidate();
      message.success(ru.tasks.completed);
    },
    onError: (e) => message.error(messageOf(e)),
  });
  if (task.status === 'done') return null;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={ru.tasks.completeTitle}
      destroyOnHidden
      content={
        <Form form={form} layout="vertical" onFinish={({ result }) => complete.mutate(result.trim())} style={{ width: 320 }} data-testid="complete-form">
          <Form.Item name="result" rules={[{ required: true, whitespace: true, message: ru.tasks.resultRequired }]} style={{ marginBottom: 8 }}>
            <Input.TextArea
              autoFocus
              rows={3}
              maxLength={2000}
              placeholder={ru.tasks.resultPlaceholder}
              aria-label={ru.tasks.result}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  form.submit();
                }
                if (e.key === 'Escape') setOpen(false);
              }}
            />
          </Form.Item>
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button size="small" onClick={() => setOpen(false)}>{ru.app.cancel}</Button>
            <Button size="small" type="primary" htmlType="submit" loading={complete.isPending} data-testid="complete-submit">{ru.tasks.complete}</Button>
          </Space>
        </Form>
      }
    >
      <Button size={size} icon={<CheckOutlined />} block={block} data-testid="complete-task">{ru.tasks.complete}</Button>
    </Popover>
  );
}

export type QuickChoice = 'inHour' | 'tomorrow' | 'nextWeek';

/**
 * Quick choices for moving a task, in Moscow wall-clock time: in an hour (from now, to the minute);
 * tomorrow or in a week — that day (counted from today) at the task's own time of day, so a task at 11:00
 * stays at 11:00 (10:00 for a task without one); an all-day task stays all-day.
 */
export function quickDue(choice: QuickChoice, task?: Pick<Task, 'allDay' | 'dueAt' | 'dueDate' | 'timeZone'> | null, now: Date = new Date()): TaskDue {
  if (choice === 'inHour') return { dueAt: new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 3_600_000).toISOString() };
  const today = dayjs(now).tz(TIME_ZONE).format('YYYY-MM-DD');
  // Plain calendar arithmetic on the Moscow date (no zone involved): 7 days later is the same weekday.
  const day = dayjs.utc(today).add(choice === 'tomorrow' ? 1 : 7, 'day').format('YYYY-MM-DD');
  if (task?.allDay) return { dueDate: day, timeZone: task.timeZone ?? TIME_ZONE };
  const time = task?.dueAt ? dayjs(task.dueAt).tz(TIME_ZONE).format('HH:mm:ss') : '10:00:00';
  return { dueAt: dayjs.tz(`${day}T${time}`, TIME_ZONE).toISOString() };
}

/** "Перенести": quick choices or a date and time. */
export function RescheduleButton({ task, size = 'small' }: { task: Task; size?: 'small' | 'middle' }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<dayjs.Dayjs | null>(null);
  const invalidate = useTaskInvalidation();
  const { message } = App.useApp();
  const reschedule = useMutation({
    mutationFn: (due: TaskDue) => taskApi.reschedule(task.id, due),
    onSuccess: () => {
      setOpen(false);
      setPicked(null);
      invalidate();
      message.success(ru.tasks.rescheduled);
    },
    onError: (e) => message.error(messageOf(e)),
  });
  if (task.status === 'done') return null;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={ru.tasks.rescheduleTitle}
      destroyOnHidden
      content={
        <Space direction="vertical" style={{ width: 260 }}>
          <Space wrap>
            <Button size="small" onClick={() => reschedule.mutate(quickDue('inHour', task))}>{ru.tasks.quick.inHour}</Button>
            <Button size="small" onClick={() => reschedule.mutate(quickDue('tomorrow', task))}>{ru.tasks.quick.tomorrow}</Button>
            <Button size="small" onClick={() => reschedule.mutate(quickDue('nextWeek', task))}>{ru.tasks.quick.nextWeek}</Button>
          </Space>
          <Space.Compact block>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD.MM.YYYY HH:mm" value={picked} onChange={setPicked} style={{ flex: 1 }} />
            <Button type="primary" disabled={!picked} loading={reschedule.isPending} onClick={() => picked && reschedule.mutate({ dueAt: pickedToInstant(picked) })}>
              {ru.app.apply}
            </Button>
          </Space.Compact>
        </Space>
      }
    >
      <Button size={size} icon={<ClockCircleOutlined />} data-testid="reschedule-task">{ru.tasks.reschedule}</Button>
    </Popover>
  );
}
