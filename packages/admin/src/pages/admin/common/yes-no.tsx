import { Badge } from '@mantine/core';

export function YesNo({ value, yes = 'Yes', no = 'No', color = 'green' }: { value: boolean; yes?: string; no?: string; color?: string }) {
  return value ? <Badge size="sm" variant="light" color={color}>{yes}</Badge> : <Badge size="sm" variant="outline" color="gray">{no}</Badge>;
}
