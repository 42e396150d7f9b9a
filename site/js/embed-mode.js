// The checker inside a hospital portal's iframe: "#embed" in the address
// drops the page's own header and footer, "policies=wz" limits it to the
// named policies (a Wenzhou hospital shows only Wenzhou's programmes and
// questions), and the page tells its parent window its height, and nothing
// else, so the iframe can follow its content (site/embed/embed.js). The
// portal learns nothing of what the doctor types.
import { pageLayout as layout } from './page-data.js';

const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
const known = new Set(layout.sections.map((s) => s.policy));
const asked = (params.get('policies') || '').split(',').map((p) => p.trim()).filter((p) => known.has(p));

export const embedded = params.has('embed');
// The policies shown: those asked for (unknown names are ignored), or all.
export const shownPolicies = asked.length ? new Set(asked) : known;
export const policyOf = (outcomeId) => outcomeId.slice(0, outcomeId.indexOf('.'));
export const inScope = (outcomeId) => shownPolicies.has(policyOf(outcomeId));

// Hides what belongs only to other policies: questions, question groups,
// sections of answers. Called once the page is parsed.
export function applyScope() {
  if (embedded) document.documentElement.dataset.embed = '';
  if (shownPolicies.size === known.size) return;
  for (const control of document.querySelectorAll('.profile-form [data-policies]'))
    control.closest('.q').hidden = !control.dataset.policies.split(' ').some((p) => shownPolicies.has(p));
  for (const group of document.querySelectorAll('.profile-form .group, .profile-form details.folded')) {
    group.hidden = !group.querySelector('.q:not([hidden])');
    if (!group.hidden && group.matches('details')) group.open = true;  // its own policy's questions: nothing to unfold
  }
  // Help chips citing another policy's clauses.
  for (const chip of document.querySelectorAll('.profile-form button.clause'))
    chip.hidden = !shownPolicies.has(chip.dataset.clause.slice(0, chip.dataset.clause.indexOf(':')));
  for (const section of document.querySelectorAll('.answer-section[data-policy]'))
    if (!shownPolicies.has(section.dataset.policy)) section.dataset.outOfScope = '';
}

// The open questions (contract 7.7) that wait on an outcome shown here.
export const scopedQuestions = (answer) => (answer?.open_questions || []).filter((q) => q.outcomes.some(inScope));

// The parent window learns the page's height, whenever it changes.
export function reportHeight() {
  if (!embedded || window.parent === window) return;
  let sent = 0;
  const send = () => {
    // The content's own height (scrollHeight would never go below the iframe's).
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: 'doctors-self-check:height', height }, '*');
  };
  new ResizeObserver(() => requestAnimationFrame(send)).observe(document.body);
  send();
}
