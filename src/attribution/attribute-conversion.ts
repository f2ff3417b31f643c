// Decides who earned a conversion: promo code, else share token's cascade root, else explicit fields.
import { normalizePromoCode } from './normalize-promo-code.js';
import type { Attribution, AttributionContext, AttributionInput, LinkRef } from './types.js';

type Credit = Pick<Attribution, 'linkId' | 'communityId' | 'ambassadorId' | 'campaignId'>;

/**
 * Attributes a conversion. Rules, first match wins:
 * 1. `promo_code`: the normalised code names an offer → the offer's community, ambassador and campaign.
 * 2. `share_token`: the token belongs to a cascade whose root has a known link → that link's credits.
 * 3. `explicit`: the call's link (if known) and/or community/ambassador ids; explicit community and
 *    ambassador ids win over the link's. An unknown link id is dropped, never credited.
 * 4. `unattributed`: nothing matched.
 * `rootToken` is kept whenever the token was looked up and found, even when a later rule credits.
 * Community and ambassador ids are not checked here: the caller validates them. Never throws.
 */
export function attributeConversion(input: AttributionInput, ctx: AttributionContext): Attribution {
  const path: string[] = [];
  let rootToken: string | null = null;

  const typedCode = input.promoCode?.trim() ?? '';
  if (typedCode !== '') {
    const code = normalizePromoCode(typedCode);
    const offer = ctx.offersByCode.get(code);
    if (offer) {
      path.push(`promo_code:${code} → offer ${offer.id}`);
      const { communityId, ambassadorId, campaignId } = offer;
      return { method: 'promo_code', offerId: offer.id, linkId: null, communityId, ambassadorId, campaignId, rootToken, path };
    }
    path.push(`promo_code:${code} → no offer`);
  }

  const token = input.token?.trim() ?? '';
  if (token !== '') {
    const root = ctx.rootOfToken(token);
    if (root === null) path.push(`share_token:${token} → unknown token`);
    else {
      rootToken = root.rootToken;
      const link = root.linkId === null ? undefined : ctx.linksById.get(root.linkId);
      if (root.linkId === null) path.push(`share_token:${token} → root ${root.rootToken} → no link`);
      else if (!link) path.push(`share_token:${token} → root ${root.rootToken} → link ${root.linkId} not found`);
      else {
        path.push(`share_token:${token} → root ${root.rootToken} → link ${link.id}`);
        return { method: 'share_token', offerId: null, ...creditOfLink(link), rootToken, path };
      }
    }
  }

  const explicit = explicitCredit(input, ctx, path);
  if (explicit) return { method: 'explicit', offerId: null, ...explicit, rootToken, path };

  if (path.length === 0) path.push('unattributed: no promo code, share token or explicit fields');
  else path.push('unattributed');
  return {
    method: 'unattributed', offerId: null, linkId: null, communityId: null, ambassadorId: null, campaignId: null,
    rootToken, path,
  };
}

/** The credit of the explicit fields, or null when they name nobody; notes the step in `path`. */
function explicitCredit(input: AttributionInput, ctx: AttributionContext, path: string[]): Credit | null {
  const linkId = blankToNull(input.linkId);
  const communityId = blankToNull(input.communityId);
  const ambassadorId = blankToNull(input.ambassadorId);
  if (linkId === null && communityId === null && ambassadorId === null) return null;

  const words: string[] = [];
  const link = linkId === null ? undefined : ctx.linksById.get(linkId);
  if (linkId !== null) words.push(link ? `link ${linkId}` : `link ${linkId} not found`);
  if (communityId !== null) words.push(`community ${communityId}`);
  if (ambassadorId !== null) words.push(`ambassador ${ambassadorId}`);

  const fromLink: Credit = link ? creditOfLink(link) : { linkId: null, communityId: null, ambassadorId: null, campaignId: null };
  const credit: Credit = {
    linkId: fromLink.linkId,
    communityId: communityId ?? fromLink.communityId,
    ambassadorId: ambassadorId ?? fromLink.ambassadorId,
    campaignId: fromLink.campaignId,
  };
  const credited = credit.linkId !== null || credit.communityId !== null || credit.ambassadorId !== null;
  path.push(`explicit:${words.join(', ')}${credited ? '' : ' → nothing to credit'}`);
  return credited ? credit : null;
}

function creditOfLink(link: LinkRef): Credit {
  return { linkId: link.id, communityId: link.communityId, ambassadorId: link.ambassadorId, campaignId: link.campaignId };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
