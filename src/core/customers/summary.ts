/**
 * The short card of a customer for tree descriptions, tooltips and hovers: name, `#id`, status,
 * e-mail and phone (masked while privacy mode is on), city/UF, last order. Built only from fields
 * whose sensitivity is none or personal: `token` and `login_url` can never appear here, whatever
 * the privacy mode or the revealed set. Every text is a plainLabel (no `$(icon)`, at most 200
 * characters), safe for quick-pick labels, descriptions and status-bar text as it is.
 */
import { type CustomerRecord } from './customer';
import { type CustomerView, type FieldView, buildCustomerView, findField, isConcealed } from './fields';
import { type Locale, msg, t } from '../common/strings';
import { MAX_LABEL, plainLabel } from '../common/text';

export interface CustomerSummary {
  readonly name: string;
  /**
   * The name for a tree label: isolated (U+2068…U+2069) when it holds right-to-left letters, so it
   * cannot pull the `#id` of the description beside it into its own direction.
   */
  readonly label: string;
  /** `#48213907` */
  readonly idText: string;
  readonly kind: 'pf' | 'pj';
  /** Localized `Active` / `Inactive`. */
  readonly status: string;
  readonly email: string | undefined;
  readonly phone: string | undefined;
  /** `Ribeirão Preto/SP` */
  readonly place: string | undefined;
  /** `Last order: 18/05/2025 14:32 · R$ 189,90` */
  readonly lastOrder: string | undefined;
  /** Tree item description: `#id · e-mail` (no `#id` when the name already is `#id`). */
  readonly description: string;
  /** Plain-text lines for a tooltip or hover (escape at the sink). */
  readonly lines: readonly string[];
}

/** Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Hovers and tooltips follow privacy mode only; a value revealed in one panel stays masked here,
 * so this takes no revealed set.
 */
export function customerSummary(record: CustomerRecord, locale: Locale, privacy: boolean, view?: CustomerView): CustomerSummary {
  const v = view ?? buildCustomerView(record, locale);
  const vis = { privacy, revealed: new Set<string>() };
  const value = (path: string): string | undefined => {
    const f: FieldView | undefined = findField(v, path);
    if (!f?.present || f.sensitivity === 'secret') {
      return undefined;
    }
    return isConcealed(f, vis) ? f.masked : f.formatted;
  };
  const c = record.customer;
  const status = t(locale, c.active === false ? msg('Inactive') : msg('Active'));
  const email = value('email');
  const phone = value('phone.formated_number') ?? value('phone.full_number') ?? value('spreadsheet.data.phone');
  const city = value('spreadsheet.data.city');
  const uf = value('spreadsheet.data.uf');
  const place = city !== undefined && uf !== undefined ? `${city}/${uf}` : (city ?? uf);
  const date = value('spreadsheet.data.last_order_date');
  const money = value('spreadsheet.data.last_order_value');
  const lastOrder =
    date !== undefined && money !== undefined
      ? t(locale, 'Last order: {0} · {1}', date, money)
      : date !== undefined || money !== undefined
        ? t(locale, 'Last order: {0}', date ?? money ?? '')
        : undefined;
  const idText = `#${c.id}`;
  const kindLabel = t(locale, v.kind === 'pj' ? 'PJ' : 'PF');
  // the name is cut before the id is added, so a long name never hides which customer this is
  const lines = [v.name === idText ? idText : `${plainLabel(v.name, MAX_LABEL - idText.length - 3)} (${idText})`, `${status} · ${kindLabel}`, email, phone, place, lastOrder].filter(
    (l): l is string => l !== undefined,
  );
  // every text here may end up in a quick-pick or status-bar label: plain, no `$(icon)`, bounded
  const plain = (text: string | undefined): string | undefined => (text === undefined ? undefined : plainLabel(text));
  const name = plainLabel(v.name);
  return {
    name,
    label: RTL_LETTER.test(name) ? `\u2068${name}\u2069` : name,
    idText,
    kind: v.kind,
    status,
    email: plain(email),
    phone: plain(phone),
    place: plain(place),
    lastOrder: plain(lastOrder),
    description: plainLabel(v.name === idText ? (email ?? '') : email === undefined ? idText : `${idText} · ${email}`),
    lines: lines.map((l) => plainLabel(l)),
  };
}
