import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** A list route filtered as react-admin reads it from the URL. */
export const listPath = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** One bar: its full label, its value, and the list it stands for. */
export interface CategoryBar {
  key: string;
  label: string;
  value: number;
  /** The filtered list this bar counts (a react-router path). */
  to: string;
}

const FONT_SIZE = 12;
const LINE_HEIGHT = 15;
const ROW_HEIGHT = 36;
const MAX_AXIS_WIDTH = 220;

/** Rough width of a text at FONT_SIZE: CJK characters are square, Latin ones about 0.6 em. */
const textWidth = (s: string) =>
  [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? FONT_SIZE : FONT_SIZE * 0.6), 0);

/** Splits a label into lines no wider than `width`: at spaces for Latin text, anywhere for Chinese. */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of label.split(/(\s+)/)) {
    const pieces = textWidth(token) > width ? [...token] : [token];
    for (const piece of pieces) {
      if (line && textWidth(line + piece) > width) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else line += piece;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: string; index: number };
  width: number;
  bars: CategoryBar[];
}

/** The category label, whole (wrapped when longer than the axis), and a link to the bar's list. */
const CategoryTick = ({ x = 0, y = 0, payload, width, bars }: TickProps) => {
  const bar = bars.find((b) => b.label === payload?.value);
  if (!payload || !bar) return null;
  const lines = wrapLabel(payload.value, width - 8);
  const top = y - ((lines.length - 1) * LINE_HEIGHT) / 2;
  // An SVG link under the hash router: keyboard-reachable, and it opens in a new tab like any link.
  return (
    <a href={`#${bar.to}`}>
      <text
        x={x - 4}
        y={top}
        textAnchor="end"
        dominantBaseline="central"
        fontSize={FONT_SIZE}
        fill="currentColor"
      >
        {lines.map((line, i) => (
          <tspan key={line} x={x - 4} dy={i === 0 ? 0 : LINE_HEIGHT}>
            {line}
          </tspan>
        ))}
      </text>
    </a>
  );
};

/**
 * Horizontal bars with their full category names: the Y axis is as wide as the longest name (up to
 * MAX_AXIS_WIDTH, then names wrap), so no label is cut. A click on a bar or its name opens its list.
 */
export const CategoryBarChart = ({
  bars,
  valueName,
  color,
}: {
  bars: CategoryBar[];
  valueName: string;
  color: string;
}) => {
  const navigate = useNavigate();
  const axisWidth = Math.min(
    MAX_AXIS_WIDTH,
    Math.ceil(Math.max(40, ...bars.map((b) => textWidth(b.label)))) + 12,
  );
  const height = Math.max(160, bars.length * ROW_HEIGHT + 40);
  const open = (to: string) => navigate(to);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
      <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={axisWidth}
          interval={0}
          tick={<CategoryTick width={axisWidth} bars={bars} />}
        />
        <Tooltip />
        <Bar
          dataKey="value"
          name={valueName}
          fill={color}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(entry: { payload?: CategoryBar }) => entry.payload && open(entry.payload.to)}
        />
      </BarChart>
    </ResponsiveContainer>
  );
};
