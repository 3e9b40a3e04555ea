import type { EditorCopy } from "./payload-editor";
import type { QueueKind } from "./queue-params";
import type { ReasonCopy } from "./reason-dialog";

/** The words for the three decisions on an item: an approval's, or a draft's outcome. */
export type ReviewCopy = {
  accept: string;
  edit: string;
  refuse: string;
  editor: EditorCopy;
  reason: ReasonCopy;
};

export const REVIEW_COPY: Record<QueueKind, ReviewCopy> = {
  approval: {
    accept: "Approve",
    edit: "Approve with edits",
    refuse: "Reject",
    editor: {
      title: "Approve with edits",
      description: "Edit the payload the agent will use. Your version replaces the proposal.",
      confirm: (n) => (n === 0 ? "Approve as proposed" : `Approve with ${n} ${n === 1 ? "change" : "changes"}`),
      afterLabel: "Approved",
    },
    reason: {
      title: "Reject this action?",
      description: "The agent is told not to act, with your reason. This cannot be undone.",
      label: "Reason",
      hint: "The agent receives it, and it is kept with the decision.",
      confirm: "Reject action",
    },
  },
  draft: {
    accept: "Executed as proposed",
    edit: "Executed with changes",
    refuse: "Discarded",
    editor: {
      title: "Executed with changes",
      description: "Record the payload as you actually carried it out. The differences are kept as feedback for the agent.",
      confirm: (n) => (n === 0 ? "Record as proposed" : `Record with ${n} ${n === 1 ? "change" : "changes"}`),
      afterLabel: "Executed",
    },
    reason: {
      title: "Discard this draft?",
      description: "Record that nobody carried out this recommendation.",
      label: "Reason",
      hint: "Why it was not done; kept as feedback for the agent.",
      confirm: "Discard draft",
    },
  },
};
