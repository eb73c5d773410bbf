// The override's rollout percentage, applied on Enter or when the field loses focus (not on every
// keystroke: each change is an audited override).
import { useState } from 'react';
import { NumberInput } from '@mantine/core';

interface Props {
  flagKey: string;
  /** the percentage in force (the override's, else the global rule's); null = no rollout */
  value: number | null;
  disabled: boolean;
  onApply: (percent: number | null) => void;
}

export function RolloutInput({ flagKey, value, disabled, onApply }: Props) {
  const [draft, setDraft] = useState<string | number>(value ?? '');
  const apply = () => {
    const next = draft === '' ? null : Math.min(100, Math.max(0, Math.round(Number(draft))));
    if (next !== null && Number.isNaN(next)) return setDraft(value ?? '');
    if (next !== value) onApply(next);
  };
  return (
    <NumberInput
      label="Rollout %"
      aria-label={`Rollout percent for ${flagKey}`}
      description="Empty = everyone"
      placeholder="All"
      min={0}
      max={100}
      step={5}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      suffix="%"
      w={130}
      value={draft}
      onChange={setDraft}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        }
      }}
      disabled={disabled}
    />
  );
}
