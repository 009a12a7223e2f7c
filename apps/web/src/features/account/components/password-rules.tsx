import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from "@lumen/contracts";

/**
 * The password policy, shown before anyone types, ticking off as it is met. The same rules the API applies
 * (contracts' passwordSchema): a length range and no well-known password. No composition rules.
 */
export function PasswordRules({ value }: { value: string }) {
  const rules = [
    {
      text: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
      met: value.length >= PASSWORD_MIN && value.length <= PASSWORD_MAX,
    },
    { text: "Not a common password, like “password123”", met: value.length > 0 && !isCommonPassword(value) },
  ];
  return (
    <>
      <span className="sr-only">Your password needs: </span>
      <ul className="space-y-1">
        {rules.map((rule) => (
          <li key={rule.text} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={`flex size-4 shrink-0 items-center justify-center rounded-full ${
                rule.met ? "bg-primary text-primary-foreground" : "border border-border-strong"
              }`}
            >
              {rule.met && (
                <svg
                  aria-hidden="true"
                  viewBox="0 0 12 12"
                  className="size-2.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                >
                  <path d="M2.5 6.2l2.3 2.3 4.7-5" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              )}
            </span>
            <span className={rule.met ? "text-foreground" : undefined}>
              {rule.text}
              <span className="sr-only">{rule.met ? " (met)" : ""}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-1.5">A short phrase of a few words is easy to remember and hard to guess.</p>
    </>
  );
}
