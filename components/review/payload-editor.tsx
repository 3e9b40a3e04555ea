"use client";

import { useId, useMemo, useState } from "react";
import { diffPayload } from "@/lib/actions/payload-diff";
import { ApiError, errorMessage, type FieldError } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Textarea } from "../ui/input";
import { Label } from "../ui/label";
import { Segmented } from "../ui/segmented";
import { humanizeTimes } from "./clock";
import { ChangeList } from "./change-list";
import { prettyJson } from "./json-block";
import { PayloadFieldsEditor } from "./payload-fields-editor";

type JsonObject = Record<string, unknown>;

/** Parses the editor's text: a JSON object, or why not. */
export function parseJsonObject(text: string): { ok: true; value: JsonObject } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `This is not valid JSON: ${(err as Error).message}.` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, error: "The payload must be a JSON object ({ … })." };
  return { ok: true, value: value as JsonObject };
}

/** The action type's schema errors (422), path first. */
function SchemaErrors({ errors }: { errors: FieldError[] }) {
  return (
    <ul className="mt-1 list-disc pl-4" data-testid="schema-errors">
      {errors.map((f) => (
        <li key={`${f.path}:${f.message}`}>
          <span className="font-mono text-xs">{f.path}</span> {f.message}
        </li>
      ))}
    </ul>
  );
}

export type EditorCopy = { title: string; description: string; confirm: (changes: number) => string; afterLabel: string };

/**
 * Edit a payload as JSON, then review the changed paths against the proposal before confirming.
 * Invalid JSON is caught here; the action type's schema is checked by the server (422 → shown).
 */
export function PayloadEditor({
  open,
  onClose,
  proposed,
  copy,
  pending,
  error,
  onReview,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  proposed: unknown;
  copy: EditorCopy;
  pending: boolean;
  error: unknown;
  /** Called when the reviewer moves on to the review step (a new attempt: clear the last error). */
  onReview: () => void;
  onConfirm: (payload: JsonObject) => void;
}) {
  return (
    <Dialog open={open} onClose={() => !pending && onClose()} title={copy.title} description={copy.description} width="max-w-3xl">
      {/* Remounted on each opening, so the editor starts from the proposal. */}
      {open ? <EditorBody proposed={proposed} copy={copy} pending={pending} error={error} onCancel={onClose} onReview={onReview} onConfirm={onConfirm} /> : null}
    </Dialog>
  );
}

function EditorBody({
  proposed,
  copy,
  pending,
  error,
  onCancel,
  onReview,
  onConfirm,
}: {
  proposed: unknown;
  copy: EditorCopy;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onReview: () => void;
  onConfirm: (payload: JsonObject) => void;
}) {
  const id = useId();
  const [text, setText] = useState(() => prettyJson(proposed));
  const [step, setStep] = useState<"edit" | "review">("edit");
  const [parseError, setParseError] = useState<string | null>(null);
  // Fields first: text reads as text there; JSON for adding or removing fields.
  const [mode, setMode] = useState<"fields" | "json">("fields");
  const parsed = useMemo(() => parseJsonObject(text), [text]);
  const changes = useMemo(() => (parsed.ok ? diffPayload(proposed, parsed.value) : []), [parsed, proposed]);

  // The schema's field errors (422) belong beside the editor; other failures are shown as they are.
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  const serverError = error ? humanizeTimes(errorMessage(error)) : null;

  if (step === "review" && parsed.ok) {
    return (
      <div className="space-y-4">
        {serverError ? (
          <Alert title={serverError}>{fieldErrors.length ? <SchemaErrors errors={fieldErrors} /> : null}</Alert>
        ) : null}
        {changes.length === 0 ? (
          <Alert tone="info">You have not changed anything; confirming uses the payload as proposed.</Alert>
        ) : (
          <>
            <p className="text-[13px] text-zinc-600">
              {changes.length === 1 ? "1 field differs" : `${changes.length} fields differ`} from the agent&apos;s proposal:
            </p>
            <ChangeList changes={changes} afterLabel={copy.afterLabel} />
          </>
        )}
        <div className="flex justify-end gap-2 pt-1">
          <Button variant="ghost" disabled={pending} onClick={() => setStep("edit")}>
            Back to editing
          </Button>
          <Button variant="primary" pending={pending} onClick={() => onConfirm(parsed.value)} autoFocus>
            {copy.confirm(changes.length)}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!parsed.ok) {
          setParseError(parsed.error);
          return;
        }
        setParseError(null);
        onReview();
        setStep("review");
      }}
    >
      {fieldErrors.length ? (
        <Alert title="The server refused this payload">
          <SchemaErrors errors={fieldErrors} />
        </Alert>
      ) : null}
      <div>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <Segmented
            label="Edit the payload as"
            value={mode}
            onChange={setMode}
            segments={[
              { value: "fields", label: "Fields", disabled: !parsed.ok, title: parsed.ok ? undefined : "Fix the JSON first" },
              { value: "json", label: "JSON" },
            ]}
          />
          <span className="text-xs text-zinc-600" aria-live="polite">
            {parsed.ok ? `${changes.length} changed ${changes.length === 1 ? "field" : "fields"}` : "Not valid JSON yet"}
          </span>
        </div>
        {mode === "fields" && parsed.ok ? (
          <PayloadFieldsEditor value={parsed.value as Parameters<typeof PayloadFieldsEditor>[0]["value"]} onChange={(next) => setText(prettyJson(next))} idPrefix={id} />
        ) : (
          <>
            <Label htmlFor={`${id}-json`} className="sr-only">
              Payload (JSON)
            </Label>
            <Textarea
              id={`${id}-json`}
              name="payload"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setParseError(null);
              }}
              rows={Math.min(22, Math.max(8, text.split("\n").length + 1))}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              autoFocus
              aria-invalid={parseError ? true : undefined}
              aria-describedby={parseError ? `${id}-error` : `${id}-hint`}
              className="font-mono text-[12.5px] leading-relaxed"
            />
          </>
        )}
        {parseError ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-[13px] text-red-700">
            {parseError}
          </p>
        ) : (
          <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600">
            {mode === "fields" ? "Add or remove fields in the JSON view. " : ""}The action type&apos;s schema is checked when you confirm. Next you&apos;ll see what changed.
          </p>
        )}
      </div>
      <div className="flex justify-between gap-2 pt-1">
        <Button variant="ghost" size="sm" onClick={() => setText(prettyJson(proposed))} disabled={text === prettyJson(proposed)}>
          Reset to proposal
        </Button>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="primary">
            Review changes
          </Button>
        </div>
      </div>
    </form>
  );
}

