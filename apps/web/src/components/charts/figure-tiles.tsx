/**
 * A period's headline figures beside its charts: a label, the number, and a line of context each. Two to a row on
 * a phone; `columns` says how many on wider screens (Tailwind grid classes, such as "lg:grid-cols-4").
 */
export function FigureTiles({
  label,
  items,
  columns,
}: {
  label: string;
  items: ReadonlyArray<{ label: string; value: string; note?: string | undefined }>;
  columns: string;
}) {
  return (
    <dl aria-label={label} className={`grid grid-cols-2 gap-3 ${columns}`}>
      {items.map((item) => (
        <div key={item.label} className="rounded-card border border-border bg-surface px-4 py-3.5 shadow-card">
          <dt className="text-xs font-medium text-muted">{item.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{item.value}</dd>
          {item.note && <dd className="mt-0.5 text-xs text-pretty text-muted">{item.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
