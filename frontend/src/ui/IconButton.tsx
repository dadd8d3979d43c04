import type { ReactNode } from 'react';

type Props = {
  /** The accessible name, also shown as a tooltip. */
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
      <a className={classes} href={href} aria-label={label} aria-describedby={describedBy} title={label}>
        {icon}
      </a>
    );
  }
  return (
    <button
      type="button"
      className={classes}
      aria-label={label}
      aria-describedby={describedBy}
      title={label}
      onClick={onClick}
      disabled={disabled}
    >
      {icon}
    </button>
  );
}
