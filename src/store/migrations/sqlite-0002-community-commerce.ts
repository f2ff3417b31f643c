// Migration 2: offers (promo codes), conversions and polls.
export const MIGRATION_0002_COMMUNITY_COMMERCE = `
  SELECT 1;
`;
