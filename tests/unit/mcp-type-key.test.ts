import { describe, expect, it } from "vitest";
import { actionTypeKey } from "../../lib/actions/schemas";
import { toSegment, toolTypeKey } from "../../lib/mcp-gateway/type-key";

describe("MCP tool → action type key", () => {
  it("maps server and tool names onto one dotted lowercase key each", () => {
    expect(toolTypeKey("github", "create_issue")).toBe("mcp.github.create_issue");
    expect(toolTypeKey("GitHub", "createIssue")).toBe("mcp.git_hub.create_issue");
    expect(toolTypeKey("my-files", "fs.read-file")).toBe("mcp.my_files.fs_read_file");
    expect(toolTypeKey("s", "42things")).toBe("mcp.s.t_42things");
    expect(toolTypeKey("s", "???")).toBe("mcp.s.x");
    expect(toSegment("Ünïcödé tool")).toBe("unicode_tool");
  });

  it("always yields a key Warden accepts, even for long or odd names, and keeps long names apart", () => {
    const names = ["a".repeat(300), `${"a".repeat(300)}b`, "-", "__init__", "Tool Name With Spaces", "ALLCAPS", "x.y.z", "😀", "日本語"];
    for (const server of ["s", "Server.Name", "x".repeat(80)]) {
      for (const tool of names) {
        const key = toolTypeKey(server, tool);
        expect(actionTypeKey.safeParse(key).success, key).toBe(true);
        expect(key.split(".")).toHaveLength(3);
      }
    }
    expect(toolTypeKey("s", names[0])).not.toBe(toolTypeKey("s", names[1]));
    expect(toolTypeKey("s", names[0])).toHaveLength(100);
  });
});
