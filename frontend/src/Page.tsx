import { type ReactNode, useEffect, useRef } from 'react';

/** A screen: its title (or tabTitle, e.g. naming the debtor) in the tab and in the h1, which takes focus so screen readers announce it. */
export function Page({ title, tabTitle, children }: { title: string; tabTitle?: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${tabTitle ?? title} — Cobranças`;
  }, [title, tabTitle]);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
