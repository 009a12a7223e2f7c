/** Headline figures for the period: a label, the number, and a line of context. */
export function KpiTiles({
  label,
  items,
}: {
  label: string;
  items: ReadonlyArray<{ label: string; value: string; note?: string }>;
}) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-card border border-border bg-surface px-4 py-3.5 shadow-card">
          <dt className="text-xs font-medium text-muted">{item.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{item.value}</dd>
          {item.note && <dd className="mt-0.5 text-xs text-muted">{item.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
