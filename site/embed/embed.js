/* The doctor's self-check in a hospital portal, with one line:
 *   <script src="https://HOST/PATH/embed.js" data-lang="zh" data-policies="wz" async></script>
 * It puts an iframe of the checker (HOST/PATH/#embed&policies=wz&lang=zh)
 * where the script tag is, and lets the iframe follow the checker's height.
 * The checker sends its height and nothing else; this script accepts a
 * message only from that iframe's window and the checker's origin, and only
 * a height. The portal never sees what a doctor types, and the checker
 * learns nothing of the portal but the language and policies asked for.
 * Hand-written (a few dozen lines) rather than iframe-resizer 5, whose
 * licence is GPL-3.0 for non-commercial use only. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var src = new URL(script.src, document.baseURI);
  // embed.js beside the page, or the pinned copy embed/v<version>/embed.js.
  var base = new URL(/\/embed\/v[^/]+\/embed\.js$/.test(src.pathname) ? '../../' : './', src);
  var lang = script.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
  var policies = (script.getAttribute('data-policies') || '').replace(/[^a-z,]/g, '');
  var frame = document.createElement('iframe');
  frame.src = base.href + '#embed' + (policies ? '&policies=' + policies : '') + '&lang=' + lang;
  frame.title = lang === 'en' ? "Doctors' talent-policy self-check" : '医生人才政策自查';
  frame.loading = 'lazy';
  frame.referrerPolicy = 'no-referrer';
  // Through the CSSOM, which a portal's CSP allows where a style attribute is refused.
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.height = '40rem';
  frame.style.border = '0';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== base.origin) return;
    var data = event.data;
    if (!data || data.type !== 'doctors-self-check:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 100 || height > 100000) return;
    frame.style.height = Math.ceil(height) + 'px';
  });
})();
