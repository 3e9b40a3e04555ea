"use client";

import { Select } from "./input";
import { Label } from "./label";

export type Option = { value: string; label: string };

/**
 * One select of a filter bar, labelled above. `all` is the first option: no value, which drops
 * the filter (`onChange` gets undefined).
 */
export function SelectFilter({
  id,
  label,
  className,
  value,
  all,
  options,
  onChange,
}: {
  id: string;
  label: string;
  className: string;
  value: string | undefined;
  all?: string;
  options: Option[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id} className="mb-1 text-xs font-medium text-zinc-600">
        {label}
      </Label>
      <Select id={id} controlSize="sm" value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
