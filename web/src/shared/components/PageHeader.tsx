import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

/**
 * The `page-title` row of a list page: heading on the left; on the right `action`, or given `create`,
 * the primary "+ create" button.
 */
export function PageHeader({
  title,
  action,
  create,
}: {
  title: ReactNode;
  action?: ReactNode;
  create?: { label: ReactNode; onClick: () => void; testId: string };
}) {
  return (
    <div className="page-title">
      <h2>{title}</h2>
      {create ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={create.onClick} data-testid={create.testId}>
          {create.label}
        </Button>
      ) : (
        action
      )}
    </div>
  );
}
