import Link from "next/link";
import { Fragment } from "react";

/** Where a studio page sits: the pages above it as links, then this one. */
export function StudioBreadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-muted">
      {trail.map((crumb) => (
        <Fragment key={crumb.href}>
          <Link href={crumb.href} className="underline-offset-4 hover:text-foreground hover:underline">
            {crumb.label}
          </Link>
          <span aria-hidden="true"> / </span>
        </Fragment>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}
