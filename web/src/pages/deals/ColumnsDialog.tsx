import { useEffect, useState } from 'react';
import { Button, Checkbox, Modal, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { ru } from '../../i18n/ru';
import { defaultColumns, moveColumn, REQUIRED_COLUMNS, toggleColumn, type ColumnSetting } from '../../lib/columns';

/** "Настроить колонки": tick the columns, drag them (or use the arrows) into order, "Готово". */
export function ColumnsDialog({ open, value, onClose, onSave }: {
  open: boolean;
  value: ColumnSetting[];
  onClose: () => void;
  onSave: (columns: ColumnSetting[]) => void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => {
    if (open) setDraft(value);
  }, [open, value]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over) return;
    const from = draft.findIndex((c) => c.key === e.active.id);
    const to = draft.findIndex((c) => c.key === e.over!.id);
    setDraft(moveColumn(draft, from, to));
  };

  return (
    <Modal
      open={open}
      title={ru.deals.columnsTitle}
      okText={ru.app.done}
      cancelText={ru.app.cancel}
      onOk={() => onSave(draft)}
      onCancel={onClose}
      footer={(_, { OkBtn, CancelBtn }) => (
        <Space>
          <Button onClick={() => setDraft(defaultColumns())}>{ru.deals.columnsDefault}</Button>
          <CancelBtn />
          <OkBtn />
        </Space>
      )}
    >
      <p className="muted">{ru.deals.columnsHint}</p>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <ol className="columns-list" data-testid="columns-list">
          {draft.map((column, index) => (
            <ColumnRow
              key={column.key}
              column={column}
              first={index === 0}
              last={index === draft.length - 1}
              onToggle={() => setDraft(toggleColumn(draft, column.key))}
              onUp={() => setDraft(moveColumn(draft, index, index - 1))}
              onDown={() => setDraft(moveColumn(draft, index, index + 1))}
            />
          ))}
        </ol>
      </DndContext>
    </Modal>
  );
}

function ColumnRow({ column, first, last, onToggle, onUp, onDown }: {
  column: ColumnSetting;
  first: boolean;
  last: boolean;
  onToggle: () => void;
  onUp: () => void;
  onDown: () => void;
}) {
  const drag = useDraggable({ id: column.key });
  const drop = useDroppable({ id: column.key });
  const label = ru.deals.columns[column.key] ?? column.key;
  return (
    <li
      ref={drop.setNodeRef}
      className={`columns-row${drop.isOver ? ' over' : ''}${drag.isDragging ? ' dragging' : ''}`}
    >
      <span ref={drag.setNodeRef} {...drag.listeners} {...drag.attributes} className="columns-handle" aria-label={label}>
        <HolderOutlined />
      </span>
      <Checkbox checked={column.visible} disabled={REQUIRED_COLUMNS.has(column.key)} onChange={onToggle}>{label}</Checkbox>
      <span className="columns-arrows">
        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={first} onClick={onUp} aria-label={ru.deals.moveUp} />
        <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={last} onClick={onDown} aria-label={ru.deals.moveDown} />
      </span>
    </li>
  );
}
