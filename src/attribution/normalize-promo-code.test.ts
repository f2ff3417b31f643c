// Story of promo-code spelling: one normal form for the offer and for what the buyer typed.
import { describe, expect, it } from 'vitest';
import { indexOffersByCode, normalizePromoCode } from './normalize-promo-code.js';
import type { OfferRef } from './types.js';

function offer(id: string, code: string): OfferRef {
  return { id, code, communityId: null, ambassadorId: null, campaignId: null };
}

describe('normalizePromoCode', () => {
  it('ignores case, surrounding spaces and full-width characters, but keeps inner spaces', () => {
    expect(normalizePromoCode(' summer10\t')).toBe('SUMMER10');
    expect(normalizePromoCode('ｓｕｍｍｅｒ１０')).toBe('SUMMER10');
    expect(normalizePromoCode('summer 10')).toBe('SUMMER 10');
    expect(normalizePromoCode('   ')).toBe('');
  });
});

describe('indexOffersByCode', () => {
  it('keys offers by normal form; the first of two clashing codes wins; blank codes are skipped', () => {
    const byCode = indexOffersByCode([offer('off_1', 'Summer10'), offer('off_2', 'SUMMER10 '), offer('off_3', ' ')]);
    expect([...byCode.keys()]).toEqual(['SUMMER10']);
    expect(byCode.get('SUMMER10')?.id).toBe('off_1');
  });
});
