/** The Lumen mark: a beam of light crossing a rounded tile, then the name (`nameClassName` can hide it). */
export function Wordmark({ className, nameClassName }: { className?: string; nameClassName?: string }) {
  return (
    <span className={`inline-flex items-center gap-2.5 ${className ?? ""}`}>
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8 shrink-0">
        <rect width="32" height="32" rx="9" className="fill-primary" />
        <path d="M9 23V9" strokeWidth="3" strokeLinecap="round" className="stroke-primary-foreground" />
        <path d="M9 23h14" strokeWidth="3" strokeLinecap="round" className="stroke-primary-foreground" />
        <circle cx="21.5" cy="10.5" r="3" className="fill-accent" />
      </svg>
      <span
        className={`font-display text-[1.4rem] font-semibold leading-none tracking-tight text-foreground ${nameClassName ?? ""}`}
      >
        Lumen
      </span>
    </span>
  );
}
