// Chart colours of Lantern's palette, kept in one place so charts and CSS agree.

export const COLORS = {
  amber: '#f5a524',
  amberSoft: 'rgba(245, 165, 36, 0.18)',
  teal: '#5ec4b6',
  tealSoft: 'rgba(94, 196, 182, 0.16)',
  ink: '#14161b',
  surface: '#1b1e25',
  grid: '#2a2e38',
  text: '#e9e6e1',
  muted: '#9aa0ab',
} as const;

/** Series colours in order: amber first, then calm companions that stay readable on dark ink. */
export const SERIES = ['#f5a524', '#5ec4b6', '#8fa7ff', '#e07a8b', '#b8d86b', '#c89bff', '#f0d38a', '#6fb2e8'];
