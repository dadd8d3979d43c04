// Keeping one's place on Pesquisa de Inadimplências: the search (its URL), how many rows were
// loaded with "Carregar mais" and how far the list was scrolled are kept for this tab
// (sessionStorage), so "Voltar à pesquisa" and the browser's Back show the list as it was left.

export type Place = { hash: string; rows: number; scrollY: number };

const KEY = 'cobrancas.pesquisa';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage refused (privacy settings): the list simply starts at the top
  }
}

/** The home's hash as a link: '#/' for the default search. */
export function homeHash(hash: string = window.location.hash): string {
  return hash && hash !== '#' ? hash : '#/';
}

export function readPlace(): Place | null {
  const text = storage()?.getItem(KEY);
  if (!text) return null;
  try {
    const place = JSON.parse(text) as Partial<Place>;
    if (typeof place.hash !== 'string' || !place.hash.startsWith('#/')) return null;
    return {
      hash: place.hash,
      rows: Number.isInteger(place.rows) && place.rows! > 0 ? place.rows! : 0,
      scrollY: typeof place.scrollY === 'number' && place.scrollY > 0 ? place.scrollY : 0,
    };
  } catch {
    return null;
  }
}

export function savePlace(place: Place): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(place));
  } catch {
    // full or refused: nothing to keep
  }
}

/** Where "Voltar à pesquisa" leads: the last search of this tab, else the default one. */
export function searchHref(): string {
  return readPlace()?.hash ?? '#/';
}
