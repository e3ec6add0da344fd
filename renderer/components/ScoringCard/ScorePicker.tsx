import { useId } from 'react';
import type { ScoreFormValue } from './score-form-state';
import classes from './ScoringCard.module.css';

interface ScorePickerProps {
  label: string;
  steps: number[];
  value: ScoreFormValue;
  onChange: (value: number | null) => void;
  invalid?: boolean;
}

const NOT_ASSESSABLE = 'ne';

/**
 * Native radio buttons styled as a segmented control: arrow keys move between values and
 * screen readers announce « 3, bouton radio, 4 sur 7 » without extra code.
 */
export function ScorePicker({ label, steps, value, onChange, invalid }: ScorePickerProps) {
  const name = useId();
  const options = [...steps.map((step) => ({ key: String(step), text: String(step), value: step })), { key: NOT_ASSESSABLE, text: 'Non évaluable', value: null }];
  return (
    <div role="radiogroup" aria-label={label} aria-invalid={invalid || undefined} className={classes.picker} data-invalid={invalid || undefined}>
      {options.map((option) => {
        const checked = value !== undefined && value === option.value;
        return (
          <label key={option.key} className={classes.pickerOption} data-checked={checked || undefined} data-wide={option.value === null || undefined}>
            <input
              type="radio"
              name={name}
              value={option.key}
              checked={checked}
              onChange={() => onChange(option.value)}
              className={classes.pickerInput}
            />
            <span>{option.text}</span>
          </label>
        );
      })}
    </div>
  );
}
