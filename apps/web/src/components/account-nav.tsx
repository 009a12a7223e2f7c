"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useRef, useState } from "react";
import { signOut, useSession } from "@/features/auth/session";
import { NotificationBell } from "@/features/notifications/notification-bell";
import { ButtonLink } from "./button-link";
import { Avatar } from "./ui/avatar";

/** The focusable items of the open account menu, in order. */
const menuItems = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

const LINK =
  "whitespace-nowrap rounded-full px-2.5 py-2 text-sm font-medium text-muted transition-colors hover:text-foreground sm:px-3.5";

/** The header's account corner: sign-in links for guests, the learner's menu once signed in. */
export function AccountNav() {
  const { status, user } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  /** Which item takes the focus when the menu opens (the last one after ArrowUp on the button). */
  const [landing, setLanding] = useState<"first" | "last">("first");
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const openMenu = (at: "first" | "last") => {
    setLanding(at);
    setOpen(true);
  };
  const closeMenu = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  // A menu button (WAI-ARIA APG): opening moves the focus into the menu; Escape closes it and gives the focus back.
  useEffect(() => {
    if (!open) return;
    const all = menuItems(menuRef.current);
    (landing === "last" ? all.at(-1) : all[0])?.focus();
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        setOpen(false);
        buttonRef.current?.focus();
        return;
      }
      if (menuRef.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open, landing]);

  /** Arrow keys, Home and End move between the items; Tab leaves the menu and closes it. */
  function onMenuKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    const all = menuItems(menuRef.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number | undefined> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    const target = move[event.key];
    if (target !== undefined) {
      event.preventDefault();
      all[target]?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  if (status === "unknown")
    return <li aria-hidden="true" className="h-9 w-32 animate-pulse rounded-full bg-surface-muted" />;

  if (status === "anonymous" || !user) {
    const next =
      pathname && pathname !== "/" && !pathname.startsWith("/login") ? `?next=${encodeURIComponent(pathname)}` : "";
    return (
      <>
        <li>
          <Link href={`/login${next}`} className={LINK}>
            Log in
          </Link>
        </li>
        <li className="ml-1">
          <ButtonLink href="/register" size="sm">
            Sign up
          </ButtonLink>
        </li>
      </>
    );
  }

  return (
    <>
      <li className="hidden sm:block">
        <Link href="/dashboard" className={LINK} aria-current={pathname === "/dashboard" ? "page" : undefined}>
          My learning
        </Link>
      </li>
      {/* Creators and admins work elsewhere: their places are one click away, not only in the menu. */}
      {(user.role === "creator" || user.role === "admin") && (
        <li className="hidden md:block">
          <Link href="/studio" className={LINK} aria-current={pathname?.startsWith("/studio") ? "page" : undefined}>
            Studio
          </Link>
        </li>
      )}
      {user.role === "admin" && (
        <li className="hidden md:block">
          <Link href="/admin" className={LINK} aria-current={pathname?.startsWith("/admin") ? "page" : undefined}>
            Admin
          </Link>
        </li>
      )}
      <li>
        <NotificationBell />
      </li>
      <li className="relative ml-1">
        <div ref={menuRef}>
          <button
            ref={buttonRef}
            type="button"
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls="account-menu"
            onClick={() => (open ? closeMenu(false) : openMenu("first"))}
            onKeyDown={(event) => {
              if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
              event.preventDefault();
              openMenu(event.key === "ArrowDown" ? "first" : "last");
            }}
            className="flex size-11 items-center justify-center rounded-full"
          >
            <span className="sr-only">Account menu for {user.full_name}</span>
            <Avatar name={user.full_name} url={user.profile.avatar_url} />
          </button>
          {open && (
            <div
              id="account-menu"
              role="menu"
              aria-label="Account"
              onKeyDown={onMenuKeyDown}
              className="absolute right-0 mt-2 w-60 overflow-hidden rounded-2xl border border-border bg-surface p-1.5 shadow-card-hover"
            >
              <div className="px-3 py-2.5">
                <p className="truncate text-sm font-semibold">{user.full_name}</p>
                <p className="truncate text-xs text-muted">{user.email}</p>
              </div>
              <div className="my-1 h-px bg-border" />
              <MenuLink onSelect={() => setOpen(false)} href="/dashboard">
                My learning
              </MenuLink>
              <MenuLink onSelect={() => setOpen(false)} href="/account/settings">
                Account settings
              </MenuLink>
              <MenuLink onSelect={() => setOpen(false)} href="/account/billing">
                Billing
              </MenuLink>
              {(user.role === "creator" || user.role === "admin") && (
                <MenuLink onSelect={() => setOpen(false)} href="/studio">
                  Creator studio
                </MenuLink>
              )}
              {user.role === "admin" && (
                <MenuLink onSelect={() => setOpen(false)} href="/admin">
                  Admin console
                </MenuLink>
              )}
              <button
                type="button"
                role="menuitem"
                onClick={async () => {
                  setOpen(false);
                  await signOut();
                  router.push("/");
                  router.refresh();
                }}
                className="block w-full rounded-xl px-3 py-2 text-left text-sm hover:bg-surface-muted"
              >
                Log out
              </button>
            </div>
          )}
        </div>
      </li>
    </>
  );
}

function MenuLink({ href, children, onSelect }: { href: string; children: string; onSelect: () => void }) {
  return (
    <Link
      href={href}
      role="menuitem"
      onClick={onSelect}
      className="block rounded-xl px-3 py-2 text-sm hover:bg-surface-muted"
    >
      {children}
    </Link>
  );
}
