import type { ReactNode } from "react";

// Small stroke icons for the studio's buttons. Decorative: every button has its name in words.

function Icon({ children, className }: { children: ReactNode; className?: string | undefined }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={className ?? "size-4"}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

type P = { className?: string };

export const GripIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M7.5 5h.01M12.5 5h.01M7.5 10h.01M12.5 10h.01M7.5 15h.01M12.5 15h.01" strokeWidth="2.6" />
  </Icon>
);
export const ArrowUpIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M10 15.5v-11M5.5 9L10 4.5 14.5 9" />
  </Icon>
);
export const ArrowDownIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M10 4.5v11M5.5 11l4.5 4.5 4.5-4.5" />
  </Icon>
);
export const TrashIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M4 6h12M8 6V4.5h4V6M6 6l.7 9.5a1 1 0 001 .9h4.6a1 1 0 001-.9L14 6" />
  </Icon>
);
export const PencilIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M12.5 4.5l3 3L8 15H5v-3l7.5-7.5z" />
  </Icon>
);
export const PlusIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M10 4.5v11M4.5 10h11" />
  </Icon>
);
export const VideoIcon = ({ className }: P) => (
  <Icon className={className}>
    <rect x="3" y="5" width="10" height="10" rx="2" />
    <path d="M13 9l4-2.5v7L13 11" />
  </Icon>
);
export const TextIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M5 4.5h10M5 8.5h10M5 12.5h7M5 16h5" />
  </Icon>
);
export const CheckIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M4.5 10.5l3.5 3.5 7.5-8" />
  </Icon>
);
export const CrossIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M6 6l8 8M14 6l-8 8" />
  </Icon>
);
export const SparkIcon = ({ className }: P) => (
  <Icon className={className}>
    <path d="M10 3v3M10 14v3M3 10h3M14 10h3M5.5 5.5l2 2M12.5 12.5l2 2M5.5 14.5l2-2M12.5 7.5l2-2" />
  </Icon>
);
