// A field for choosing a password. The hint mirrors the server's rules (10–128 characters); the
// common-password and not-your-email checks happen on the server, whose field error shows here.
import { PasswordInput } from '@mantine/core';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

function hint(value: string): string {
  if (value.length === 0) return `${PASSWORD_MIN}–${PASSWORD_MAX} characters. Common passwords are refused; a short phrase works well.`;
  if (value.length < PASSWORD_MIN) {
    const missing = PASSWORD_MIN - value.length;
    return `${missing} more character${missing === 1 ? '' : 's'} to go.`;
  }
  return 'Long enough. Avoid common passwords and your email address.';
}

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: React.ReactNode;
}

export function NewPasswordInput({ label, value, onChange, error }: Props) {
  return (
    // every field of these short forms is required, so no asterisks: they only add noise (and
    // land in the label text that getByLabel matches)
    <PasswordInput
      label={label}
      autoComplete="new-password"
      required withAsterisk={false}
      minLength={PASSWORD_MIN}
      maxLength={PASSWORD_MAX}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={hint(value)}
      error={error}
    />
  );
}
