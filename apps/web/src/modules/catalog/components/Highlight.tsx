import { Fragment } from 'react';
import { splitByTerms } from '../highlight';

/** `text` with every occurrence of `terms` wrapped in `<mark>` (the match explanation's terms). */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const parts = splitByTerms(text, terms);
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="hl">
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
