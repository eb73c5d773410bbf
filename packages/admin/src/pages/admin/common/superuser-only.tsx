import type { ReactNode } from 'react';
import { Code } from '@mantine/core';
import { useMe } from '../../../session/session';
import { Forbidden } from '../../../components/forbidden';

/** Instance-wide pages: superusers only (the API answers 403 to everyone else anyway). */
export function SuperuserOnly({ title, children }: { title: string; children: ReactNode }) {
  const me = useMe();
  if (!me.is_superuser) return <Forbidden title={title}>Only instance superusers can see this page. Superusers are created with <Code>saasready create-admin</Code>.</Forbidden>;
  return <>{children}</>;
}
