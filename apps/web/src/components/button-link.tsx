import Link from "next/link";
import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover",
  secondary:
    "border border-border-strong/50 bg-surface text-foreground hover:border-border-strong hover:bg-surface-muted",
  ghost: "text-foreground hover:bg-surface-muted",
  // primary-foreground is the readable ink on a saturated fill in both palettes, the danger fill included.
  danger: "bg-danger text-primary-foreground shadow-sm hover:opacity-90",
} as const;

const SIZES = {
  md: "h-11 px-5 text-[0.95rem]",
  sm: "h-9 px-4 text-sm",
} as const;

export const buttonClasses = (variant: keyof typeof VARIANTS = "primary", size: keyof typeof SIZES = "md") =>
  `inline-flex items-center justify-center gap-2 rounded-full font-medium whitespace-nowrap transition-colors duration-150 ${VARIANTS[variant]} ${SIZES[size]}`;

export function ButtonLink({
  variant,
  size,
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES }) {
  return <Link {...props} className={`${buttonClasses(variant, size)} ${className ?? ""}`} />;
}
