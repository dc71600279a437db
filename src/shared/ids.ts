import { randomBytes } from 'node:crypto';

declare const brand: unique symbol;
/** A string that the type system keeps apart from other ids. */
export type Branded<T, B extends string> = T & { readonly [brand]: B };

export type PageId = Branded<string, 'PageId'>;
export type ComponentId = Branded<string, 'ComponentId'>;
export type IncidentId = Branded<string, 'IncidentId'>;
export type IncidentUpdateId = Branded<string, 'IncidentUpdateId'>;

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
const idPattern = /^[0-9a-z]{12}$/;

/** A new 12-character `[0-9a-z]` id, the shape Statuspage uses for every object. */
export function newId<T extends string = string>(): T {
  // 256 % 36 = 4: reject the top bytes so every character is equally likely.
  let id = '';
  while (id.length < 12) {
    for (const byte of randomBytes(16)) {
      if (byte < 252 && id.length < 12) id += alphabet[byte % 36];
    }
  }
  return id as T;
}

export function isId(value: string): boolean {
  return idPattern.test(value);
}
