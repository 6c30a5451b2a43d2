import { Button, Form } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/LocaleProvider';

/**
 * A repeatable group of fields (papers, patents, experience…): a heading with "添加" and one row
 * per entry; `row(name)` renders the entry's fields under `[name, …]`.
 */
export function ListField({
  name,
  label,
  empty,
  row,
  testId,
}: {
  name: string;
  label: string;
  empty: Record<string, unknown>;
  row: (index: number) => ReactNode;
  testId?: string;
}) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div className="list-block" data-testid={testId}>
          <div className="list-block-head">
            <span>{label}</span>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add(empty)}>
              {t('sci.add')}
            </Button>
          </div>
          {fields.map((field) => (
            <div key={field.key} className="list-row">
              {row(field.name)}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('common.delete')}
              />
            </div>
          ))}
        </div>
      )}
    </Form.List>
  );
}
