// What a page shows to someone who may not see it (the server would refuse the calls anyway).
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { PageHeader } from './page-header';

export function Forbidden({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" icon={<IconLock size={18} />} title="You do not have access to this page">
        {children}
      </Alert>
    </>
  );
}
