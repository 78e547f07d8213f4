/**
 * Configuration a webmaster writes (attributes, `<meta>` tags, `window.bjPolicyWidgets`) parsed in
 * one place: a bad value never throws and never silently breaks an element. It is clamped into
 * range or replaced by the documented default, with one `bj:` warning per distinct bad value on the
 * page (a thousand keywords with the same typo warn once).
 */
import type { ComplexAttributeConverter } from 'lit';

const warned = new Set<string>();

/** `console.warn(message)` the first time this exact message comes up on the page. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

export interface IntegerRule {
  /** Smallest allowed value. */
  min: number;
  /** Largest allowed value; larger ones are clamped to it. */
  max: number;
  /** The documented default, used for a value that is not a number (or undefined: "none"). */
  fallback: number | undefined;
  /** Values below `min` get the default instead of `min` (e.g. a result limit of 0). */
  belowMinIsDefault?: boolean;
  /** Unit for messages, e.g. `ms`. */
  unit?: string;
}

/**
 * A whole number from an attribute or setting: `where` names it in the warning (e.g.
 * `<bj-policy-search limit="abc">`). Decimals are rounded; above the range is clamped, below it
 * too unless `belowMinIsDefault` (a limit or timeout of 0 means a mistake, not "as small as can be").
 */
export function parseInteger(raw: unknown, where: string, rule: IntegerRule): number | undefined {
  if (raw === null || raw === undefined || raw === '') return rule.fallback;
  const text = typeof raw === 'string' ? raw.trim() : raw;
  const value =
    typeof text === 'number' ? text : typeof text === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const range = `a whole number from ${rule.min} to ${rule.max}${unit}`;
  const byDefault = rule.fallback === undefined ? 'ignoring it' : `using the default ${rule.fallback}${unit}`;
  if (!Number.isFinite(value)) {
    warnOnce(`bj: ${where} is not a number; ${byDefault} (give ${range})`);
    return rule.fallback;
  }
  const whole = Math.round(value);
  if (whole < rule.min) {
    const use = rule.belowMinIsDefault ? rule.fallback : rule.min;
    warnOnce(
      `bj: ${where} is below ${rule.min}${unit}; ${rule.belowMinIsDefault ? byDefault : `using ${rule.min}${unit}`} (give ${range})`,
    );
    return use;
  }
  if (whole > rule.max) {
    warnOnce(`bj: ${where} is above ${rule.max}${unit}; using ${rule.max}${unit} (give ${range})`);
    return rule.max;
  }
  return whole;
}

/** `<bj-keyword show-delay="abc">`: how warnings name an attribute. */
function attr(tag: string, name: string, value: string): string {
  return `<${tag} ${name}=${JSON.stringify(value)}>`;
}

/** A Lit converter for a whole-number attribute, validated once per attribute change. */
export function integerAttribute(tag: string, name: string, rule: IntegerRule): ComplexAttributeConverter<number | undefined> {
  return {
    fromAttribute: (value: string | null) => (value === null ? rule.fallback : parseInteger(value, attr(tag, name, value), rule)),
    toAttribute: (value: number | undefined) => (value === undefined ? null : String(value)),
  };
}

/** A Lit converter for an attribute with a fixed set of values; anything else gets `fallback`. */
export function choiceAttribute<T extends string>(
  tag: string,
  name: string,
  allowed: readonly T[],
  fallback: T,
): ComplexAttributeConverter<T> {
  return {
    fromAttribute: (value: string | null) => {
      if (value === null) return fallback;
      const v = value.trim().toLowerCase() as T;
      if (allowed.includes(v)) return v;
      warnOnce(`bj: ${attr(tag, name, value)} is not one of ${allowed.join(', ')}; using the default ${fallback}`);
      return fallback;
    },
    toAttribute: (value: T) => value,
  };
}
