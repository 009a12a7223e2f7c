/**
 * A static picture, drawn in markup, of what a lesson looks like: the video's timeline, the tutor's answer
 * with its citation to the second, and saved progress. Screen readers get one sentence instead.
 */
export function TutorPreview() {
  return (
    <div
      role="img"
      aria-label="Example lesson: a learner asks why the Calvin cycle needs ATP, and the AI tutor answers with a link to 0:20 in the lesson video. Progress is saved at 12:48."
      className="relative mx-auto w-full max-w-md lg:max-w-none"
    >
      <div
        aria-hidden="true"
        className="absolute -inset-6 -z-10 rounded-[2.5rem] bg-gradient-to-br from-primary-soft via-transparent to-accent-soft opacity-80 blur-2xl"
      />
      <div className="overflow-hidden rounded-card border border-border bg-surface shadow-card-hover">
        <div className="relative aspect-[16/9] bg-gradient-to-br from-[#1d2350] via-[#2b3590] to-[#4b5bd6]">
          <svg
            aria-hidden="true"
            viewBox="0 0 320 180"
            className="absolute inset-0 size-full"
            preserveAspectRatio="xMidYMid slice"
          >
            <circle cx="250" cy="40" r="70" fill="#f4b860" opacity="0.18" />
            <circle cx="250" cy="40" r="26" fill="#f4b860" opacity="0.9" />
            <path
              d="M0 150 C 70 120, 120 160, 190 135 S 290 120, 320 140 L320 180 L0 180 Z"
              fill="#0d0f14"
              opacity="0.35"
            />
            <g transform="translate(52 52) rotate(-28)">
              <path d="M0 70 C -34 42, -30 6, 0 -14 C 30 6, 34 42, 0 70 Z" fill="#7fd6a0" opacity="0.92" />
              <path
                d="M0 86 V -4 M0 44 L -16 28 M0 28 L 14 14 M0 58 L 15 44"
                stroke="#1d5a3a"
                strokeWidth="2.5"
                fill="none"
                strokeLinecap="round"
              />
            </g>
          </svg>
          <span className="absolute left-4 top-4 rounded-full bg-black/35 px-3 py-1 text-xs font-medium text-white backdrop-blur-sm">
            Lesson 3 · The Calvin cycle
          </span>
          <div className="absolute inset-x-4 bottom-4">
            <div className="relative h-1.5 rounded-full bg-white/25">
              <div className="h-full w-[38%] rounded-full bg-white" />
              <div className="absolute top-1/2 left-[12%] size-3 -translate-y-1/2 rounded-full border-2 border-white bg-[#f4b860]" />
            </div>
            <div className="mt-2 flex justify-between text-[0.7rem] font-medium text-white/85">
              <span>12:48</span>
              <span>33:10</span>
            </div>
          </div>
        </div>

        <div className="space-y-4 px-5 pt-5 pb-12 sm:px-6 sm:pt-6">
          <div className="ml-auto w-fit max-w-[85%] rounded-2xl rounded-br-md bg-surface-muted px-4 py-2.5 text-sm">
            Why does the Calvin cycle need ATP?
          </div>
          <div className="flex gap-3">
            <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-primary text-[0.7rem] font-bold text-primary-foreground">
              AI
            </span>
            <div className="text-sm leading-relaxed">
              <p>
                It spends ATP and NADPH from the light reactions to turn 3-PGA into sugar, then to rebuild RuBP so the
                cycle can keep fixing carbon.
              </p>
              <span className="mt-2.5 inline-flex items-center gap-1.5 rounded-full border border-primary/30 bg-primary-soft px-3 py-1 text-xs font-medium text-primary">
                <svg aria-hidden="true" viewBox="0 0 12 12" className="size-2.5" fill="currentColor">
                  <path d="M3 1.5v9l7.5-4.5z" />
                </svg>
                The Calvin cycle › 0:20
              </span>
            </div>
          </div>
        </div>
      </div>

      <div className="absolute -right-2 -bottom-6 flex items-center gap-2.5 rounded-2xl border border-border bg-surface px-4 py-3 shadow-card-hover sm:-right-6">
        <span className="flex size-8 items-center justify-center rounded-full bg-accent-soft text-accent">
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M4 10.5l4 4 8-9" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
        <span className="text-xs leading-tight">
          <span className="block font-semibold text-foreground">Progress saved</span>
          <span className="text-muted">Resume at 12:48</span>
        </span>
      </div>
    </div>
  );
}
