// Device type, browser and operating system of a person's user agent, read with bowser.
import { getParser } from 'bowser';
import type { Device } from '../vocabulary.js';

/** Device, browser and OS of a user agent; names as bowser spells them ('Chrome', 'iOS'), null when unknown. */
export interface DeviceInfo {
  device: Device;
  browser: string | null;
  os: string | null;
}

// bowser has no console type and misses some TVs; these tokens settle it first.
const CONSOLE = /\b(?:PlayStation|Xbox|Nintendo|XBOX_ONE)\b/i;
const TV = /\b(?:SmartTV|SMART-TV|Web0S|WebOS TV|HbbTV|BRAVIA|CrKey|AppleTV|Roku|AFT[A-Z]{1,4}\b)/i;

const BOWSER_TYPES: Readonly<Record<string, Device>> = { desktop: 'desktop', mobile: 'mobile', tablet: 'tablet', tv: 'tv' };

/**
 * Reads device type, browser and OS from a user agent. Never throws; an empty or unreadable UA gives 'unknown'.
 * Costs tens of microseconds (bowser's regex tables), so callers cache it.
 */
export function readDevice(userAgent: string): DeviceInfo {
  if (userAgent.trim() === '') return { device: 'unknown', browser: null, os: null };
  let browser: string | null = null;
  let os: string | null = null;
  let type: string | undefined;
  try {
    const parser = getParser(userAgent, true);
    browser = parser.getBrowserName() || null;
    os = parser.getOSName() || null;
    type = parser.getPlatformType();
  } catch {
    // bowser throws only on empty input, handled above; keep the classifier total anyway.
  }
  let device: Device = (type && BOWSER_TYPES[type]) || 'unknown';
  if (CONSOLE.test(userAgent)) device = 'console';
  else if (TV.test(userAgent)) device = 'tv'; // bowser takes Fire TV sticks and some smart TVs for tablets
  return { device, browser, os };
}
