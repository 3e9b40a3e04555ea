// A tool result the model reads when Warden did not let a call through (text: lib/sdk/refusal.ts).

export type ToolResult = { content: Array<{ type: "text"; text: string }>; isError: true };

export const refusal = (text: string): ToolResult => ({ content: [{ type: "text", text }], isError: true });
