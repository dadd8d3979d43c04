import { type ReactNode, useId, useState } from 'react';
import { ChevronIcon } from './Icons';

type Props = {
  title: string;
  /** Shown next to the title, e.g. how many items the section lists. */
  count?: number;
  defaultOpen?: boolean;
  children: ReactNode;
};

/** A titled part of a screen that expands and collapses, like the seed's sections. */
export function Section({ title, count, defaultOpen = true, children }: Props) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        <button
          type="button"
          className="section-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          <ChevronIcon />
          {title}
          {count !== undefined && (
            <>
              {' '}
              <span className="count">{count}</span>
            </>
          )}
        </button>
      </h2>
      {/* Kept in the DOM when closed, so a half-typed form survives collapsing. */}
      <div className="section-body" id={`${id}-body`} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
