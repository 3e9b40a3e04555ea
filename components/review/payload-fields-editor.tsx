"use client";

import { useState } from "react";
import { Input, Select, Textarea } from "../ui/input";
import { Label } from "../ui/label";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];
type Leaf = { path: Path; value: Exclude<Json, Json[] | { [k: string]: Json }> };

/** Every scalar in a payload with its path, in document order. */
export function leavesOf(value: Json, path: Path = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, [...path, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  return [{ path, value }];
}

/** A copy of `root` with the scalar at `path` replaced. */
export function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? setAt(v, rest, value) : v));
  const obj = root as { [k: string]: Json };
  return { ...obj, [head!]: setAt(obj[head as string] ?? null, rest, value) };
}

const label = (path: Path) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

/**
 * The payload's values one field at a time: text in a text box as tall as its content, numbers
 * and true/false in their own controls. Fields are added or removed in the JSON view.
 */
export function PayloadFieldsEditor({ value, onChange, idPrefix }: { value: Json; onChange: (next: Json) => void; idPrefix: string }) {
  const leaves = leavesOf(value);
  if (leaves.length === 0) return <p className="text-[13px] text-zinc-600">This payload has no values to edit here; add fields in the JSON view.</p>;
  return (
    <div className="max-h-[55vh] space-y-3 overflow-y-auto pr-1">
      {leaves.map((leaf, i) => {
        const id = `${idPrefix}-f${i}`;
        const set = (v: Json) => onChange(setAt(value, leaf.path, v));
        return (
          <div key={`${label(leaf.path)}:${i}`} className="min-w-0">
            <Label htmlFor={id} className="mb-1 font-mono text-xs [overflow-wrap:anywhere]">
              {label(leaf.path) || "value"}
            </Label>
            {typeof leaf.value === "string" ? (
              <Textarea id={id} value={leaf.value} onChange={(e) => set(e.target.value)} rows={Math.min(12, Math.max(1, Math.ceil(leaf.value.length / 70) + leaf.value.split("\n").length - 1))} className="leading-relaxed" />
            ) : typeof leaf.value === "number" ? (
              <NumberField id={id} value={leaf.value} onChange={set} />
            ) : typeof leaf.value === "boolean" ? (
              <div className="w-32">
                <Select id={id} value={String(leaf.value)} onChange={(e) => set(e.target.value === "true")}>
                  <option value="true">true</option>
                  <option value="false">false</option>
                </Select>
              </div>
            ) : (
              <Input id={id} value="null" readOnly disabled />
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A number typed as text: the payload changes only while the text is a number. */
function NumberField({ id, value, onChange }: { id: string; value: number; onChange: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  const valid = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text.trim());
  return (
    <div className="w-48">
      <Input
        id={id}
        inputMode="decimal"
        value={text}
        aria-invalid={valid ? undefined : true}
        aria-describedby={valid ? undefined : `${id}-error`}
        onChange={(e) => {
          setText(e.target.value);
          if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(e.target.value.trim())) onChange(Number(e.target.value));
        }}
      />
      {valid ? null : (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          Not a number; the payload keeps {value}.
        </p>
      )}
    </div>
  );
}
