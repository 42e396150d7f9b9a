// Keeping and sharing answers, all on the device: a link whose fragment
// (never sent to a server) carries the profile, an opt-in copy in
// localStorage, and the profile with the engine's answer as a test case.

const STORE_KEY = 'doctors-self-check/v1';

const toBase64Url = (text) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
const fromBase64Url = (text) => {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

const hasTeam = (team) => Boolean(team && (team.members?.length || team.origin));

// #p=<profile>[&t=<team>][&lang=en], each JSON in base64url; the team is
// { origin, members } (a link from before the partner institution was asked
// carries the members' array alone).
export function shareFragment(profile, lang, team) {
  const teamPart = hasTeam(team) ? `&t=${toBase64Url(JSON.stringify(team))}` : '';
  return `p=${toBase64Url(JSON.stringify(profile))}${teamPart}${lang === 'en' ? '&lang=en' : ''}`;
}
export function shareLink(profile, lang, team) {
  const url = new URL(window.location.href);
  url.hash = shareFragment(profile, lang, team);
  return url.href;
}

// A team as written by shareLink or remember, or an older members' array;
// null when it is neither.
function readTeamValue(value) {
  if (value === undefined || value === null) return { members: [] };
  if (Array.isArray(value)) return { members: value };
  if (typeof value !== 'object' || (value.members !== undefined && !Array.isArray(value.members))) return null;
  const team = { members: value.members || [] };
  if (typeof value.origin === 'string') team.origin = value.origin;
  return team;
}

// { profile, team, lang, damaged } from a share link's fragment; null when
// there is none. A part that cannot be read is never half applied: a
// damaged profile restores nothing (damaged: 'answers'), a damaged team
// restores the profile alone (damaged: 'team'). No answer can be larger
// than the engine reads (64 KB), so a longer part is damaged as it stands.
const MAX_PART = 100_000;
const isRecord = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
function readPart(text, check) {
  if (text.length > MAX_PART) return undefined;
  try {
    return check(JSON.parse(fromBase64Url(text)));
  } catch {
    return undefined;
  }
}

export function readShareLink(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lang = params.get('lang') === 'en' ? 'en' : params.has('p') || params.has('lang') ? 'zh' : null;
  if (!params.has('p')) return lang ? { profile: null, lang } : null;
  const profile = readPart(params.get('p'), (v) => (isRecord(v) ? v : undefined));
  if (!profile) return { profile: null, team: null, lang, damaged: 'answers' };
  if (!params.has('t')) return { profile, team: readTeamValue(null), lang };
  const team = readPart(params.get('t'), (v) => readTeamValue(v) || undefined);
  return team ? { profile, team, lang } : { profile, team: readTeamValue(null), lang, damaged: 'team' };
}

// localStorage may be missing or refuse (private windows, full quota): the
// page then simply does not remember.
export function remembered() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(STORE_KEY));
    if (!saved || !saved.profile || typeof saved.profile !== 'object' || Array.isArray(saved.profile)) return null;
    const team = readTeamValue(saved.team ?? saved.members);
    // Read back like a share link: only the page's own language names.
    return team ? { profile: saved.profile, team, lang: saved.lang === 'en' ? 'en' : 'zh' } : null;
  } catch {
    return null;
  }
}
export function remember(profile, lang, team) {
  try {
    window.localStorage.setItem(STORE_KEY, JSON.stringify({ profile, team, lang }));
    return true;
  } catch {
    return false;
  }
}
export function forget() {
  try {
    window.localStorage.removeItem(STORE_KEY);
  } catch {
    /* nothing was stored */
  }
}

// A case in the format of tests/cases/*.json, with the whole answer beside
// the expectation so a maintainer sees what the page showed.
export function testCase(profile, answer, version) {
  const expected = Object.fromEntries(Object.entries(answer.outcomes || {}).map(([id, o]) => [id, { status: o.status, value: o.value }]));
  return JSON.stringify({
    name: `reported from the page on ${answer.as_of} (engine ${version.engine}, rules ${Object.values(version.rules || {}).join(', ')})`,
    profile: { as_of: answer.as_of, ...profile },
    expect: { outcomes: expected },
    answer,
  }, null, 2);
}

// Copies text; where the clipboard is not available (plain http, older
// browsers) the caller shows the text selected instead.
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
