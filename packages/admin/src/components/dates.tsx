// Dates as people read them: the exact local time, and "3 hours ago" where recency matters more.
import { Text, Tooltip, type TextProps } from '@mantine/core';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function fromNow(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 30 ? 'just now' : relative.format(Math.round(seconds), 'second');
}

export const localTime = (iso: string) => new Date(iso).toLocaleString();

/** A date shown relative ("2 days ago") with the exact local time on hover and for assistive tech. */
export function RelativeTime({ value, ...props }: { value: string } & TextProps) {
  return (
    <Tooltip label={localTime(value)} openDelay={300}>
      <Text component="time" dateTime={value} size="sm" {...props}>
        {fromNow(value)}
      </Text>
    </Tooltip>
  );
}
