import type { ReactNode } from 'react';

type Props = {
  /** The accessible name, also shown as a tooltip on hover and on keyboard focus. */
  label: string;
  icon: ReactNode;
  className?: string;
  /** Id of the element that gives context, e.g. the row's name ("Débitos do Cliente" of whom). */
  describedBy?: string;
} & ({ href: string; onClick?: never; disabled?: never } | { href?: never; onClick: () => void; disabled?: boolean });

/** A square button (or link, with href) showing only an icon; its name comes from `label`. */
export function IconButton({ label, icon, className, describedBy, href, onClick, disabled }: Props) {
  const classes = `icon-button${className ? ` ${className}` : ''}`;
  if (href !== undefined) {
    return (
      <a className={classes} href={href} aria-label={label} aria-describedby={describedBy}>
        {icon}
        <Tip label={label} />
      </a>
    );
  }
  return (
    <button
      type="button"
      className={classes}
      aria-label={label}
      aria-describedby={describedBy}
      onClick={onClick}
      disabled={disabled}
    >
      {icon}
      <Tip label={label} />
    </button>
  );
}

/** The tooltip: shown by CSS on hover and focus (a title attribute shows neither on focus nor on
 * touch); hidden from screen readers, which read the aria-label. */
function Tip({ label }: { label: string }) {
  return (
    <span className="icon-tip" aria-hidden="true">
      {label}
    </span>
  );
}
