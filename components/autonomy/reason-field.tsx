"use client";

import { Field } from "../ui/field";
import { Textarea } from "../ui/input";

/** The reason every level change is kept with. */
export function ReasonField({
  value,
  onChange,
  error,
  label = "Reason",
  hint = "Kept in the type's history with the evidence it was based on.",
  optional,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  label?: string;
  hint?: string;
  optional?: boolean;
  placeholder?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(p) => (
        <Textarea
          {...p}
          name="reason"
          rows={3}
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
