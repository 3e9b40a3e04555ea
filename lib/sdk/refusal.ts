import type { Authorization } from "./client";

// What a model reads when Warden did not let a tool call through (the MCP gateway and the
// framework adapters answer with it). Each text says that the tool did not run and whether
// trying again can help, since the model decides its next step on it.

/** Why a call was not executed, for a model to read; `tool` names the tool or action type. */
export function refusalText(tool: string, d: Authorization): string {
  const ref = d.id ? ` (Warden action ${d.id})` : "";
  switch (d.decision) {
    case "draft":
      return (
        `Warden held this call to "${tool}" as a draft for a person to carry out${ref}; the tool was NOT run. ` +
        "New kinds of actions start at this level until reviewed calls earn them more autonomy. Do not retry it; tell the user a person will handle it."
      );
    case "halted":
      return `Warden halted this call to "${tool}"${ref}: ${d.reason} The tool was NOT run. Do not retry it.`;
    case "rejected":
      if (d.fieldErrors?.length) {
        const fields = d.fieldErrors.map((f) => `${f.path.replace(/^payload\.?/, "") || "(arguments)"}: ${f.message}`).join("; ");
        return `Warden refused the arguments of "${tool}": ${fields}. The tool was NOT run; fix the arguments and call it again.`;
      }
      if (d.status === "cancelled") return `This call to "${tool}" was withdrawn${ref}: ${d.reason} The tool was NOT run.`;
      return `A reviewer rejected this call to "${tool}"${ref}: ${d.reason} The tool was NOT run.`;
    case "wait":
      return `No reviewer decided on this call to "${tool}" in time${ref}; the tool was NOT run. You may ask again later.`;
    case "unavailable":
      return `Warden could not be reached to approve this call to "${tool}", so it was NOT run (fail closed). Try again later.`;
    case "execute":
      return `This call to "${tool}" was approved${ref}.`;
  }
}
