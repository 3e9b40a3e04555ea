"use client";

import { useState } from "react";
import { cn } from "../ui/cn";
import { MonitorIcon, MoonIcon, SunIcon } from "../ui/icons";
import { applyTheme, type Theme } from "./theme";

const OPTIONS: { value: Theme; label: string; Icon: typeof SunIcon }[] = [
  { value: "system", label: "System", Icon: MonitorIcon },
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
];

/**
 * Light, dark, or as the system says: applied at once on <html>, and kept for a year in a
 * cookie the root layout reads on the next page load.
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const choose = (t: Theme) => {
    setTheme(t);
    applyTheme(t);
  };
  return (
    <div role="group" aria-label="Theme" className="flex rounded-md bg-ink-800 p-0.5">
      {OPTIONS.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          aria-pressed={theme === value}
          title={`${label} theme`}
          onClick={() => choose(value)}
          className={cn(
            "flex h-6 flex-1 items-center justify-center gap-1.5 rounded text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-accent-500",
            theme === value ? "bg-ink-700 text-white" : "text-ink-400 hover:text-ink-100",
          )}
        >
          <Icon className="size-3.5" />
          {label}
        </button>
      ))}
    </div>
  );
}
