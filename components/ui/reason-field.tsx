"use client";

import { Field } from "./field";
import { Textarea } from "./input";

/** The free-text reason a decision is kept with (a rejection, a level change, a sign-off). */
export function ReasonField({
  value,
  onChange,
  error,
  label = "Reason",
  hint,
  optional,
  placeholder,
  rows = 3,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  label?: string;
  hint?: string;
  optional?: boolean;
  placeholder?: string;
  rows?: number;
}) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(p) => (
        <Textarea
          {...p}
          name="reason"
          rows={rows}
          maxLength={2000}
          autoFocus
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
