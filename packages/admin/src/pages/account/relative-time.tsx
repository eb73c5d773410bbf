// A date shown as "3 hours ago", with the exact local time on hover and in the markup.
import { Text, Tooltip } from '@mantine/core';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

export function fromNow(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function RelativeTime({ value }: { value: string }) {
  const exact = new Date(value).toLocaleString();
  return (
    <Tooltip label={exact} openDelay={300}>
      <Text component="time" dateTime={value} size="sm">
        {fromNow(value)}
      </Text>
    </Tooltip>
  );
}
