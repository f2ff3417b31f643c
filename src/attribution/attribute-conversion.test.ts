// Story of attribution: who earned a sale, decided by promo code, then share token, then explicit fields.
import { describe, expect, it } from 'vitest';
import { attributeConversion } from './attribute-conversion.js';
import { indexOffersByCode } from './normalize-promo-code.js';
import type { AttributionContext, LinkRef, OfferRef } from './types.js';

const SUMMER: OfferRef = { id: 'off_1', code: 'SUMMER10', communityId: 'com_moms', ambassadorId: 'amb_ana', campaignId: 'cmp_summer' };
const LINK: LinkRef = { id: 'lnk_1', communityId: 'com_runners', ambassadorId: 'amb_bo', campaignId: 'cmp_launch' };
const OTHER_LINK: LinkRef = { id: 'lnk_2', communityId: 'com_gamers', ambassadorId: null, campaignId: null };

const ROOTS = new Map([
  ['tok_friend', { rootToken: 'tok_click', linkId: 'lnk_1' }],
  ['tok_site', { rootToken: 'tok_site_root', linkId: null }],
  ['tok_deleted', { rootToken: 'tok_old', linkId: 'lnk_deleted' }],
]);

const ctx: AttributionContext = {
  offersByCode: indexOffersByCode([SUMMER]),
  rootOfToken: (token) => ROOTS.get(token) ?? null,
  linksById: new Map([[LINK.id, LINK], [OTHER_LINK.id, OTHER_LINK]]),
};

describe('attributeConversion', () => {
  it('a promo code wins over a share token and explicit fields', () => {
    const result = attributeConversion({ promoCode: 'SUMMER10', token: 'tok_friend', linkId: 'lnk_2' }, ctx);
    expect(result).toEqual({
      method: 'promo_code', offerId: 'off_1', linkId: null,
      communityId: 'com_moms', ambassadorId: 'amb_ana', campaignId: 'cmp_summer',
      rootToken: null, path: ['promo_code:SUMMER10 → offer off_1'],
    });
  });

  it('matches the code however the buyer typed it', () => {
    for (const typed of ['summer10', '  Summer10 ', 'ＳＵＭＭＥＲ１０']) {
      expect(attributeConversion({ promoCode: typed }, ctx)).toMatchObject({ method: 'promo_code', offerId: 'off_1' });
    }
  });

  it('an unknown code falls through to the share token, crediting the cascade root link', () => {
    const result = attributeConversion({ promoCode: 'winter99', token: 'tok_friend', communityId: 'com_x' }, ctx);
    expect(result).toEqual({
      method: 'share_token', offerId: null, linkId: 'lnk_1',
      communityId: 'com_runners', ambassadorId: 'amb_bo', campaignId: 'cmp_launch',
      rootToken: 'tok_click',
      path: ['promo_code:WINTER99 → no offer', 'share_token:tok_friend → root tok_click → link lnk_1'],
    });
  });

  it('a token whose cascade has no root link falls through to explicit fields, keeping the root', () => {
    const result = attributeConversion({ token: 'tok_site', linkId: 'lnk_2', ambassadorId: 'amb_cy' }, ctx);
    expect(result).toEqual({
      method: 'explicit', offerId: null, linkId: 'lnk_2',
      communityId: 'com_gamers', ambassadorId: 'amb_cy', campaignId: null,
      rootToken: 'tok_site_root',
      path: ['share_token:tok_site → root tok_site_root → no link', 'explicit:link lnk_2, ambassador amb_cy'],
    });
  });

  it('a token whose root link no longer exists falls through', () => {
    const result = attributeConversion({ token: 'tok_deleted' }, ctx);
    expect(result.method).toBe('unattributed');
    expect(result.rootToken).toBe('tok_old');
    expect(result.path).toEqual(['share_token:tok_deleted → root tok_old → link lnk_deleted not found', 'unattributed']);
  });

  it('an unknown token falls through to explicit fields', () => {
    const result = attributeConversion({ token: 'tok_nope', communityId: 'com_moms' }, ctx);
    expect(result).toMatchObject({ method: 'explicit', communityId: 'com_moms', linkId: null, rootToken: null });
    expect(result.path).toEqual(['share_token:tok_nope → unknown token', 'explicit:community com_moms']);
  });

  it('explicit community and ambassador ids win over the explicit link\'s own', () => {
    const result = attributeConversion({ linkId: 'lnk_1', communityId: 'com_moms' }, ctx);
    expect(result).toMatchObject({
      method: 'explicit', linkId: 'lnk_1', communityId: 'com_moms', ambassadorId: 'amb_bo', campaignId: 'cmp_launch',
    });
  });

  it('an unknown explicit link is never credited', () => {
    const result = attributeConversion({ linkId: 'lnk_elsewhere' }, ctx);
    expect(result).toMatchObject({ method: 'unattributed', linkId: null });
    expect(result.path).toEqual(['explicit:link lnk_elsewhere not found → nothing to credit', 'unattributed']);
  });

  it('nothing to go on is unattributed, and the path says why', () => {
    const result = attributeConversion({ promoCode: '  ', token: null, linkId: '' }, ctx);
    expect(result).toEqual({
      method: 'unattributed', offerId: null, linkId: null, communityId: null, ambassadorId: null, campaignId: null,
      rootToken: null, path: ['unattributed: no promo code, share token or explicit fields'],
    });
  });
});
