// One colour per platform in share trees, so a jump from WhatsApp to Telegram is visible at a glance.
import { SERIES } from './palette';

const KNOWN: Record<string, string> = {
  whatsapp: '#4fce7d', telegram: '#4fb3e8', signal: '#6f8cff', discord: '#8d8ff0', messenger: '#4f9cff',
  imessage: '#7fd17f', slack: '#e0a0d0', email: '#c89bff', sms: '#b8d86b', facebook: '#5b8def',
  instagram: '#e07a8b', linkedin: '#5fa4d6', x: '#d0d0d0', reddit: '#ff7b4a', direct: '#9aa0ab',
  unknown: '#7b8190', other: '#9aa0ab',
};

export function platformColor(platform: string | null | undefined): string {
  if (!platform) return KNOWN.unknown;
  if (KNOWN[platform]) return KNOWN[platform];
  let hash = 0;
  for (const char of platform) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return SERIES[hash % SERIES.length];
}
