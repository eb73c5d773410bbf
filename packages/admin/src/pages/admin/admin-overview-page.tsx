// The instance over time, for superusers: sign-ups, logins and failed logins, daily and monthly active
// users, and two-factor adoption. Each chart has its numbers as a table too (screen readers, copying).
// The server answers from indexed aggregates (docs/benchmarks.md, bench:overview).
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';
import { SuperuserOnly } from './common/superuser-only';

export function AdminOverviewPage() {
  return (
    <SuperuserOnly title="Overview">
      <OverviewView />
    </SuperuserOnly>
  );
}

const RANGES = ['7', '30', '90'];
// the charts are pictures of the tables beside them: recharts' keyboard layer would put focus inside aria-hidden
const NOT_FOCUSABLE = { accessibilityLayer: false } as const;
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const shortMonth = (month: string) => new Date(`${month}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

function OverviewView() {
  const [params, setParams] = useSearchParams();
  const days = RANGES.includes(params.get('days') ?? '') ? params.get('days')! : '30';
  const overview = useQuery({ queryKey: ['admin', 'overview', days], queryFn: () => client.admin.overview({ days: Number(days) }), placeholderData: (previous) => previous });
  const header = (
    <PageHeader
      title="Overview"
      description="Everyone on this instance, over time (days in UTC; today so far)."
      actions={<SegmentedControl aria-label="Days shown" value={days} onChange={(value) => setParams({ days: value }, { replace: true })}
        data={RANGES.map((value) => ({ value, label: `${value} days` }))} />}
    />
  );
  if (!overview.data) return <>{header}{overview.isError ? <ErrorState error={overview.error} onRetry={() => void overview.refetch()} /> : <Loading label="Loading the overview…" />}</>;
  const data = overview.data;
  const daily = data.days.map((d) => ({ ...d, label: shortDay(d.day) }));
  const monthly = data.months.map((m) => ({ ...m, label: shortMonth(m.month), adoption: percent(m.two_factor_users, m.users) }));
  const today = data.days.at(-1)!;
  const thisMonth = data.months.at(-1)!;
  return (
    <>
      {header}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Stat label="Users" value={data.totals.users.toLocaleString()} />
          <Stat label="Two-factor on" value={`${percent(data.totals.two_factor_users, data.totals.users)}%`} />
          <Stat label="Active today" value={today.active_users.toLocaleString()} />
          <Stat label="Active this month" value={thisMonth.active_users.toLocaleString()} />
        </SimpleGrid>
        <Chart title="Logins per day" rows={daily} columns={[['logins', 'Logins'], ['failed_logins', 'Failed logins']]}>
          <BarChart barChartProps={NOT_FOCUSABLE} h={220} data={daily} dataKey="label" withLegend series={[{ name: 'logins', label: 'Logins', color: 'indigo.6' }, { name: 'failed_logins', label: 'Failed logins', color: 'red.6' }]} />
        </Chart>
        <Chart title="Sign-ups and active users per day" rows={daily} columns={[['signups', 'Sign-ups'], ['active_users', 'Active users']]}>
          <LineChart lineChartProps={NOT_FOCUSABLE} h={220} data={daily} dataKey="label" withLegend curveType="monotone" series={[{ name: 'active_users', label: 'Active users', color: 'teal.6' }, { name: 'signups', label: 'Sign-ups', color: 'grape.6' }]} />
        </Chart>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Chart title="Monthly active users" rows={monthly} columns={[['active_users', 'Active users']]}>
            <BarChart barChartProps={NOT_FOCUSABLE} h={220} data={monthly} dataKey="label" series={[{ name: 'active_users', label: 'Active users', color: 'teal.6' }]} />
          </Chart>
          <Chart title="Two-factor adoption" rows={monthly} columns={[['adoption', '% of accounts'], ['two_factor_users', 'With two-factor'], ['users', 'Accounts']]}>
            <LineChart lineChartProps={NOT_FOCUSABLE} h={220} data={monthly} dataKey="label" unit="%" yAxisProps={{ domain: [0, 100] }} series={[{ name: 'adoption', label: 'Accounts with two-factor', color: 'indigo.6' }]} />
          </Chart>
        </SimpleGrid>
      </Stack>
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz="xl" fw={700}>{value}</Text>
    </Paper>
  );
}

/** A chart with its title, and the same numbers as a table for assistive technology. */
function Chart<T extends { label: string }>({ title, rows, columns, children }: { title: string; rows: T[]; columns: [keyof T & string, string][]; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-label={title}>
      <Group justify="space-between" mb="sm"><Title order={3} size="h5" component="figcaption">{title}</Title></Group>
      <div aria-hidden>{children}</div>
      <VisuallyHidden>
        <Table aria-label={`${title} (table)`}>
          <Table.Thead><Table.Tr><Table.Th>Period</Table.Th>{columns.map(([, label]) => <Table.Th key={label}>{label}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (<Table.Tr key={row.label}><Table.Td>{row.label}</Table.Td>{columns.map(([key]) => <Table.Td key={key}>{String(row[key])}</Table.Td>)}</Table.Tr>))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Paper>
  );
}
