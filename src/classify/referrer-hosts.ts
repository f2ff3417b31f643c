// Our own compact table of referrer hosts and Android apps: search engines, AI assistants, social networks, messengers, webmail.
import type { Channel, Platform } from '../vocabulary.js';
import type { ChannelHint } from './types.js';

type Row = readonly [channel: Channel, platform: Platform, reason: string, hosts: string];

// Exact hosts; a row also matches every subdomain ('facebook.com' covers 'l.facebook.com'), and the longest match
// wins ('lm.facebook.com', Facebook's mobile link shim for Messenger, beats 'facebook.com').
const HOSTS: readonly Row[] = [
  // Messengers' web clients and link shims: private shares.
  ['dark_social', 'whatsapp', 'messenger', 'whatsapp.com wa.me whatsapp.net'],
  ['dark_social', 'telegram', 'messenger', 'telegram.org t.me telegram.me'],
  ['dark_social', 'discord', 'messenger', 'discord.com discordapp.com discord.gg'],
  ['dark_social', 'messenger', 'messenger', 'messenger.com m.me lm.facebook.com lm.workplace.com'],
  ['dark_social', 'slack', 'messenger', 'slack.com slack-redir.net'],
  ['dark_social', 'teams', 'messenger', 'teams.microsoft.com teams.live.com teams.cdn.office.net teams.cloud.microsoft'],
  ['dark_social', 'skype', 'messenger', 'web.skype.com'],
  ['dark_social', 'sms', 'messenger', 'messages.google.com'],
  ['dark_social', 'google-chat', 'messenger', 'chat.google.com meet.google.com'],
  ['dark_social', 'line', 'messenger', 'line.me line.naver.jp'],
  ['dark_social', 'zalo', 'messenger', 'zalo.me'],
  ['dark_social', 'kakaotalk', 'messenger', 'kakao.com'],
  ['dark_social', 'element', 'messenger', 'element.io matrix.to'],
  ['dark_social', 'signal', 'messenger', 'signal.me signal.group'],
  ['dark_social', 'viber', 'messenger', 'viber.com'],
  ['dark_social', 'wechat', 'messenger', 'weixin.qq.com wechat.com wx.qq.com'],
  ['dark_social', 'snapchat', 'messenger', 'snapchat.com'],
  ['dark_social', 'other', 'messenger', 'zoom.us'],
  // Webmail: person-to-person email is dark social (the 'email' channel is for the brand's tagged campaigns).
  ['dark_social', 'email', 'webmail',
    'mail.google.com inbox.google.com outlook.live.com outlook.office.com outlook.office365.com outlook.cloud.microsoft ' +
    'mail.yahoo.com mail.yahoo.co.jp mail.proton.me mail.protonmail.com mail.aol.com mail.zoho.com e.mail.ru ' +
    'mail.yandex.ru navigator.gmx.net navigator.web.de app.tuta.com mail.tutanota.com fastmail.com app.hey.com ' +
    'icloud.com mail.qq.com mail.163.com mail.126.com poczta.onet.pl poczta.wp.pl email.t-online.de'],
  // Social networks.
  ['social', 'facebook', 'social', 'facebook.com fb.com fb.me fb.watch facebook.net workplace.com'],
  ['social', 'instagram', 'social', 'instagram.com instagr.am'],
  ['social', 'x', 'social', 'twitter.com x.com t.co'],
  ['social', 'linkedin', 'social', 'linkedin.com lnkd.in'],
  ['social', 'reddit', 'social', 'reddit.com redd.it reddit.app.link'],
  ['social', 'pinterest', 'social', 'pin.it'],
  ['social', 'tiktok', 'social', 'tiktok.com douyin.com'],
  ['social', 'youtube', 'social', 'youtube.com youtu.be youtube-nocookie.com'],
  ['social', 'mastodon', 'social',
    'joinmastodon.org pawoo.net mamot.fr fosstodon.org hachyderm.io mas.to c.im infosec.exchange techhub.social ' +
    'botsin.space cybre.space knzk.me friends.nico quey.org bitcoinhackers.org tkm.eus universeodon.com ohai.social'],
  ['social', 'other', 'social',
    'threads.net threads.com bsky.app skyfeed.app vk.com vk.ru vkontakte.ru ok.ru odnoklassniki.ru my.mail.ru ' +
    'tumblr.com t.umblr.com weibo.com weibo.cn t.cn douban.com bilibili.com qzone.qq.com xing.com ' +
    'news.ycombinator.com quora.com medium.com flickr.com vimeo.com twitch.tv soundcloud.com myspace.com ' +
    'livejournal.com livejournal.ru nextdoor.com tagged.com badoo.com meetup.com deviantart.com dribbble.com ' +
    'behance.net goodreads.com mixi.jp nicovideo.jp gree.jp ameblo.jp plurk.com taringa.net skyrock.com ' +
    'hi5.com tuenti.com nk.pl viadeo.com renren.com hyves.nl studivz.net meinvz.net identi.ca foursquare.com ' +
    'myheritage.com geni.com classmates.com douyu.com huya.com v2ex.com digg.com slashdot.org producthunt.com ' +
    'lobste.rs stumbleupon.com mix.com ask.fm kuaishou.com xiaohongshu.com zhihu.com tieba.baidu.com ' +
    'plus.google.com gab.com truthsocial.com parler.com lemmy.world kbin.social fetlife.com last.fm ' +
    'bebo.com blackplanet.com buzznet.com cyworld.com flixster.com fotolog.com friendster.com orkut.com ' +
    'gaiaonline.com habbo.com lang-8.com missevan.com moikrug.ru multiply.com myyearbook.com netlog.com ' +
    'peepeth.com plaxo.com sonico.com twitcasting.tv wayn.com weeworld.com xanga.com friendsreunited.com'],
  // Search engines and AI assistants (counted as search: the visitor asked a question and was answered with a link).
  ['search', 'unknown', 'search',
    'ecosia.org so.com sou.com 360.cn sm.cn msn.com bingj.com ya.ru go.mail.ru meta.ua all.by najdi.si ' +
    'coccoc.com yep.com mojeek.com search.brave.com info.com wow.com arianna.com laban.vn kvasir.no ' +
    'startsiden.no eniro.se toile.com neti.ee webcache.googleusercontent.com translate.goog duck.com ' +
    'mamma.com hotbot.com teoma.com alltheweb.com looksmart.com dogpile.com webcrawler.com metacrawler.com ' +
    'infospace.com search.com kagi.com stract.com freespoke.com oceanhero.today presearch.com swisscows.com ' +
    'gibiru.com privacywall.org lilo.org metager.de metager2.de yippy.com exalead.com exalead.fr entireweb.com ' +
    'hao123.com voila.fr arianna.libero.it google.interia.pl ilse.nl ' +
    'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion ' +
    'startpagel6srwcjlue4zgq3zevrujfaow726kjytqbbjyrswwmjzcqd.onion'],
  ['search', 'unknown', 'ai',
    'chatgpt.com openai.com perplexity.ai claude.ai copilot.microsoft.com gemini.google.com bard.google.com ' +
    'notebooklm.google.com chat.deepseek.com chat.mistral.ai meta.ai grok.com you.com duck.ai chat.qwen.ai ' +
    'yiyan.baidu.com chatglm.cn iask.ai kimi.com kimi.moonshot.cn doubao.com phind.com poe.com ' +
    'app.jasper.ai app.writesonic.com'],
  // Ad clicks that pass through an ad server.
  ['paid', 'unknown', 'ad-server',
    'googleadservices.com doubleclick.net googlesyndication.com adservice.google.com syndicatedsearch.goog ' +
    'taboola.com outbrain.com criteo.com'],
  // Google and Yahoo properties that are not search.
  ['referral', 'unknown', 'referral',
    'docs.google.com drive.google.com sites.google.com groups.google.com accounts.google.com play.google.com ' +
    'photos.google.com calendar.google.com classroom.google.com business.google.com'],
];

// Brands matched under any TLD ('google.de', 'google.co.uk', 'news.google.com.br').
const BRANDS: readonly Row[] = [
  ['search', 'unknown', 'search',
    'google bing yahoo yandex baidu duckduckgo ecosia qwant startpage ixquick naver seznam sogou soso haosou daum ' +
    'nate aol ask lycos excite altavista gigablast zapmeta metacrawler rambler sputnik nigma virgilio centrum abacho fireball ' +
    'zhongsou zoznam wwwgoogle gogole gppgle googel darkoogle'],
  ['social', 'pinterest', 'social', 'pinterest'],
  ['social', 'other', 'social', 'lastfm'],
];

// Android apps (android-app://<package>/ referrers, sent by Chrome when an app opened the link).
const ANDROID_APPS: readonly Row[] = [
  ['dark_social', 'whatsapp', 'android-app', 'com.whatsapp com.whatsapp.w4b'],
  ['dark_social', 'telegram', 'android-app', 'org.telegram.messenger org.telegram.messenger.web org.telegram.plus org.thunderdog.challegram nekox.messenger tw.nekomimi.nekogram'],
  ['dark_social', 'messenger', 'android-app', 'com.facebook.orca com.facebook.mlite'],
  ['dark_social', 'slack', 'android-app', 'com.slack'],
  ['dark_social', 'discord', 'android-app', 'com.discord'],
  ['dark_social', 'signal', 'android-app', 'org.thoughtcrime.securesms'],
  ['dark_social', 'viber', 'android-app', 'com.viber.voip'],
  ['dark_social', 'line', 'android-app', 'jp.naver.line.android'],
  ['dark_social', 'kakaotalk', 'android-app', 'com.kakao.talk'],
  ['dark_social', 'wechat', 'android-app', 'com.tencent.mm'],
  ['dark_social', 'zalo', 'android-app', 'com.zing.zalo'],
  ['dark_social', 'snapchat', 'android-app', 'com.snapchat.android'],
  ['dark_social', 'teams', 'android-app', 'com.microsoft.teams'],
  ['dark_social', 'skype', 'android-app', 'com.skype.raider'],
  ['dark_social', 'element', 'android-app', 'im.vector.app'],
  ['dark_social', 'google-chat', 'android-app', 'com.google.android.apps.dynamite'],
  ['dark_social', 'sms', 'android-app', 'com.google.android.apps.messaging com.samsung.android.messaging com.android.mms'],
  ['dark_social', 'email', 'android-app',
    'com.google.android.gm com.microsoft.office.outlook com.yahoo.mobile.client.android.mail ch.protonmail.android ' +
    'com.fsck.k9 com.samsung.android.email.provider me.proton.android.mail'],
  ['social', 'facebook', 'android-app', 'com.facebook.katana com.facebook.lite'],
  ['social', 'instagram', 'android-app', 'com.instagram.android'],
  ['social', 'linkedin', 'android-app', 'com.linkedin.android'],
  ['social', 'x', 'android-app', 'com.twitter.android'],
  ['social', 'reddit', 'android-app', 'com.reddit.frontpage'],
  ['social', 'pinterest', 'android-app', 'com.pinterest'],
  ['social', 'tiktok', 'android-app', 'com.zhiliaoapp.musically com.ss.android.ugc.trill com.ss.android.ugc.aweme'],
  ['social', 'youtube', 'android-app', 'com.google.android.youtube'],
  ['social', 'mastodon', 'android-app', 'org.joinmastodon.android'],
  ['social', 'other', 'android-app', 'com.instagram.barcelona xyz.blueskyweb.app com.vkontakte.android com.google.android.apps.plus'],
  ['search', 'unknown', 'android-app', 'com.google.android.googlequicksearchbox com.google.android.apps.searchlite com.microsoft.bing ru.yandex.searchplugin'],
];

function toMap(rows: readonly Row[], prefix: string): Map<string, ChannelHint> {
  const map = new Map<string, ChannelHint>();
  for (const [channel, platform, reason, hosts] of rows) {
    const hint: ChannelHint = Object.freeze({ channel, platform, reason: `${prefix}:${reason}` });
    for (const host of hosts.split(' ')) if (host) map.set(host, hint);
  }
  return map;
}

const HOST_MAP = toMap(HOSTS, 'referrer');
const BRAND_MAP = toMap(BRANDS, 'referrer');
const APP_MAP = toMap(ANDROID_APPS, 'referrer');

const WEBMAIL: ChannelHint = { channel: 'dark_social', platform: 'email', reason: 'referrer:webmail' };
const SEARCH: ChannelHint = { channel: 'search', platform: 'unknown', reason: 'referrer:search' };
const MASTODON: ChannelHint = { channel: 'social', platform: 'mastodon', reason: 'referrer:social' };
const FEDIVERSE: ChannelHint = { channel: 'social', platform: 'other', reason: 'referrer:social' };

// First labels of webmail hosts ('webmail.example.org', 'mail.example.com').
const MAIL_LABELS = new Set(['mail', 'webmail', 'email', 'correo', 'posta', 'poczta', 'mailbox', 'owa']);
// Words that name a search in many languages; as a subdomain ('suche.web.de') they mean a search engine.
const SEARCH_WORDS = ['search', 'suche', 'recherche', 'ricerca', 'busca', 'buscador', 'szukaj', 'hledani', 'otsing', 'pesquisa', 'sok', 'zoek', 'arama', 'poisk', 'haku', 'kereses', 'cautare', 'find', 'searx', 'whoogle', 'zoeken', 'suchmaschine'];

/** True when the labels from index `from` on look like a public suffix: 'com', 'info', 'co.uk', 'com.br'. */
function isSuffixLike(labels: readonly string[], from: number): boolean {
  const rest = labels.length - from;
  if (rest === 1) return labels[from].length <= 6;
  return rest === 2 && labels[from].length <= 3 && labels[from + 1].length === 2;
}

function isSearchLabel(label: string, registrable: boolean): boolean {
  if (label.endsWith('research')) return false;
  if (label.endsWith('search') || label.endsWith('suche')) return true;
  if (registrable) return SEARCH_WORDS.includes(label) || (label.startsWith('search') && label.length <= 14);
  // Short words only whole ('sok', 'find'); longer ones also as a prefix ('searchassist', 'rechercher').
  return SEARCH_WORDS.some((word) => label === word || (word.length >= 5 && label.startsWith(word)));
}

/**
 * What a referrer host (lower-case, without 'www.') says about the visit's channel, or null when it is not in the
 * table (an ordinary website: the caller counts it as a referral). Never throws.
 */
export function lookupHost(host: string): ChannelHint | null {
  // Exact host, then each parent domain (never the bare TLD).
  for (let h = host, dot = h.indexOf('.'); dot > 0; dot = h.indexOf('.')) {
    const hit = HOST_MAP.get(h);
    if (hit) return hit;
    h = h.slice(dot + 1);
  }
  const labels = host.split('.');
  const n = labels.length;
  if (n >= 3 && MAIL_LABELS.has(labels[0])) return WEBMAIL;
  // A brand is the registrable label: followed by a one- or two-label suffix.
  for (let i = Math.max(0, n - 3); i < n - 1; i++) {
    const hit = BRAND_MAP.get(labels[i]);
    if (hit && isSuffixLike(labels, i + 1)) return hit;
  }
  const registrable = n >= 3 && isSuffixLike(labels, n - 2) && labels[n - 2].length <= 3 ? n - 3 : n - 2;
  for (let i = 0; i <= registrable && i < n - 1; i++) {
    if (isSearchLabel(labels[i], i === registrable)) return SEARCH;
  }
  // Fediverse instances are countless; their names usually say so.
  if (/(?:^|[.-])(?:mastodon|mstdn)|(?:^|[.-])(?:toot|masto)[.-]/.test(host) || host.endsWith('.social') || (n >= 3 && labels[0] === 'social')) return MASTODON;
  if (/(?:^|\.)(?:pixelfed|pxlmo|metapixl|pixey|lemmy|misskey|pleroma|akkoma)[.-]/.test(host)) return FEDIVERSE;
  return null;
}

/** What an Android app referrer (its package name) says, or null for an app not in the table. */
export function lookupAndroidApp(packageName: string): ChannelHint | null {
  return APP_MAP.get(packageName) ?? null;
}
