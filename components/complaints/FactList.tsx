/** The facts of a complaint or work order as label → value pairs; empty values are left out. */
export function FactList({ rows, status }: { rows: [string, string | null | undefined][]; status: { label: string; testId: string } }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
      {rows
        .filter((r): r is [string, string] => !!r[1])
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-ink-soft">{label}</dt>
            <dd data-testid={label === status.label ? status.testId : undefined}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
