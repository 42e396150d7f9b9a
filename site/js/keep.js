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

// #p=<profile>[&t=<team members>][&lang=en], each JSON in base64url.
export function shareLink(profile, lang, members = []) {
  const url = new URL(window.location.href);
  const team = members.length ? `&t=${toBase64Url(JSON.stringify(members))}` : '';
  url.hash = `p=${toBase64Url(JSON.stringify(profile))}${team}${lang === 'en' ? '&lang=en' : ''}`;
  return url.href;
}

// { profile, members, lang } from a share link's fragment; null when there
// is none or it cannot be read (a damaged link is ignored, not half applied).
export function readShareLink(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lang = params.get('lang') === 'en' ? 'en' : params.has('p') || params.has('lang') ? 'zh' : null;
  if (!params.has('p')) return lang ? { profile: null, lang } : null;
  try {
    const profile = JSON.parse(fromBase64Url(params.get('p')));
    const members = params.has('t') ? JSON.parse(fromBase64Url(params.get('t'))) : [];
    const valid = profile && typeof profile === 'object' && !Array.isArray(profile) && Array.isArray(members);
    return valid ? { profile, members, lang } : null;
  } catch {
    return null;
  }
}

// localStorage may be missing or refuse (private windows, full quota): the
// page then simply does not remember.
export function remembered() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(STORE_KEY));
    return saved && typeof saved.profile === 'object' ? saved : null;
  } catch {
    return null;
  }
}
export function remember(profile, lang, members = []) {
  try {
    window.localStorage.setItem(STORE_KEY, JSON.stringify({ profile, members, lang }));
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
