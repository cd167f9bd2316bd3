/** How every surface (quick pick, tree, chat) says that the store filtered by neither convention. */
import { type Locale, t } from '../common/strings';
import type { SearchOutcome } from './search';

export function unfilteredSearchText(u: NonNullable<SearchOutcome['unfiltered']>, locale: Locale): string {
  return u.complete
    ? t(locale, 'Yampi ignored the search filter: all {0} customers of the store were checked here, and only those that match are shown.', u.records)
    : t(locale, 'Yampi ignored the search filter: only the first {0} customers of the store were checked here; a match further on is not shown. Type more of the name, e-mail, CPF/CNPJ or phone, or open the customer by id.', u.records);
}
