"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "../format";
import { EmptyState } from "../ui/empty-state";
import { pct } from "./format";

export type DayPoint = {
  day: string;
  requests: number;
  reviewed: number;
  acceptanceRate: number | null;
  executions: number;
  failedExecutions: number;
};

// The theme's colours as CSS variables (SVG attributes cannot take classes): the neutrals follow
// the light or dark theme (globals.css), the series colours (500s) read on both.
const C = {
  accent: "var(--color-indigo-500)",
  zinc300: "var(--color-zinc-300)",
  zinc400: "var(--color-zinc-400)",
  zinc500: "var(--color-zinc-600)",
  grid: "var(--color-zinc-100)",
  green: "var(--color-emerald-500)",
  red: "var(--color-red-500)",
  text: "var(--color-zinc-900)",
  body: "var(--color-zinc-700)",
  border: "var(--color-zinc-200)",
  surface: "var(--color-surface)",
};

const dayFmt = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const dayLabel = (d: string) => dayFmt.format(new Date(`${d}T00:00:00Z`));

const axis = { tick: { fontSize: 11, fill: C.zinc500 }, tickLine: false, axisLine: { stroke: C.zinc300 } } as const;
const tooltipStyle = {
  contentStyle: { fontSize: 12, borderRadius: 6, border: `1px solid ${C.border}`, background: C.surface, color: C.body, boxShadow: "0 1px 2px rgb(0 0 0 / 0.05)", padding: "6px 10px" },
  labelStyle: { color: C.text, fontWeight: 600, marginBottom: 2 },
  cursor: { fill: C.grid },
} as const;
// Series in the order they are drawn, labels in the body text colour (pale fills are unreadable as text).
const legend = {
  wrapperStyle: { fontSize: 12, paddingTop: 4 },
  iconType: "circle" as const,
  iconSize: 8,
  itemSorter: null,
  formatter: (value: string) => <span style={{ color: C.body }}>{value}</span>,
};

function ChartFigure({ title, summary, children }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2">
        <span className="text-[13px] font-medium text-zinc-800">{title}</span>
        <span className="sr-only">. {summary}</span>
      </figcaption>
      {/* The summary above speaks for the chart; its accessibility layer is off, so nothing in here takes focus. */}
      <div aria-hidden="true">{children}</div>
    </figure>
  );
}

const sum = (xs: DayPoint[], k: "requests" | "reviewed" | "executions" | "failedExecutions") => xs.reduce((n, x) => n + x[k], 0);

/** 30 days of evidence: the daily acceptance rate against the next level's bar, and volume. */
export function EvidenceCharts({ series, acceptanceBar }: { series: DayPoint[]; acceptanceBar: number | null }) {
  const reviewed = sum(series, "reviewed");
  const requests = sum(series, "requests");
  const executions = sum(series, "executions");
  const failed = sum(series, "failedExecutions");
  if (requests === 0 && reviewed === 0 && executions === 0) {
    return <EmptyState title="No activity in the last 30 days" description="Charts appear once agents request this action and people review it." />;
  }
  const data = series.map((d) => ({
    ...d,
    label: dayLabel(d.day),
    succeeded: d.executions - d.failedExecutions,
  }));
  const rated = series.filter((d) => d.acceptanceRate !== null);
  const lowest = rated.length ? Math.min(...rated.map((d) => d.acceptanceRate!)) : 1;
  // Zoom in on the band that matters (95% vs 97% is the decision), but never hide the bar.
  const floor = Math.max(0, Math.floor(Math.min(lowest, acceptanceBar ?? 1) * 10) / 10 - 0.1);
  const step = 1 - floor <= 0.25 ? 0.05 : 1 - floor <= 0.5 ? 0.1 : 0.2;
  const ticks = Array.from({ length: Math.round((1 - floor) / step) + 1 }, (_, i) => Math.round((1 - i * step) * 100) / 100).filter((v) => v >= floor - 1e-9);

  return (
    <div className="space-y-6" data-testid="evidence-charts">
      <ChartFigure
        title="Acceptance rate per day"
        summary={`Days with reviews: ${rated.length} of ${series.length}; lowest ${pct(rated.length ? lowest : null)}${acceptanceBar !== null ? `; the next level needs ${pct(acceptanceBar)}` : ""}.`}
      >
        <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 220 }} data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={C.grid} vertical={false} />
          <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
          <YAxis {...axis} domain={[floor, 1]} ticks={ticks} tickFormatter={(v: number) => pct(v)} width={52} allowDataOverflow />
          <Tooltip {...tooltipStyle} cursor={{ stroke: C.zinc300 }} formatter={(v) => [pct(typeof v === "number" ? v : null), "Accepted"]} />
          {acceptanceBar !== null ? (
            <ReferenceLine
              y={acceptanceBar}
              stroke={C.green}
              strokeDasharray="4 3"
              label={{ value: `needed ${pct(acceptanceBar)}`, position: "insideBottomRight", fontSize: 11, fill: "var(--color-emerald-700)" }}
            />
          ) : null}
          <Line type="linear" dataKey="acceptanceRate" stroke={C.accent} strokeWidth={2} dot={{ r: 2, fill: C.accent }} activeDot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ChartFigure>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFigure title="Requests and reviewed proposals" summary={`${formatCount(requests)} requests and ${formatCount(reviewed)} reviewed proposals in 30 days.`}>
          <BarChart accessibilityLayer={false} responsive style={{ width: "100%", height: 200 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={1}>
            <CartesianGrid stroke={C.grid} vertical={false} />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
            <YAxis {...axis} allowDecimals={false} width={44} />
            <Tooltip {...tooltipStyle} />
            <Legend {...legend} />
            <Bar dataKey="requests" name="Requests" fill={C.zinc300} radius={[2, 2, 0, 0]} isAnimationActive={false} />
            <Bar dataKey="reviewed" name="Reviewed proposals" fill={C.accent} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ChartFigure>
        <ChartFigure title="Agent executions" summary={`${formatCount(executions)} agent executions, ${formatCount(failed)} failed, in 30 days.`}>
          <BarChart accessibilityLayer={false} responsive style={{ width: "100%", height: 200 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={C.grid} vertical={false} />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
            <YAxis {...axis} allowDecimals={false} width={44} />
            <Tooltip {...tooltipStyle} />
            <Legend {...legend} />
            <Bar dataKey="succeeded" name="Succeeded" stackId="x" fill={C.green} isAnimationActive={false} />
            <Bar dataKey="failedExecutions" name="Failed" stackId="x" fill={C.red} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ChartFigure>
      </div>
    </div>
  );
}
