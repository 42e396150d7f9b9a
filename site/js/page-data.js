// The page's dictionary (zh and en) and layout, compiled in by
// scripts/build-site.js as JSON text and parsed once here.

/* global PAGE_TEXT_JSON, PAGE_LAYOUT_JSON */
export const pageText = JSON.parse(PAGE_TEXT_JSON);
export const pageLayout = JSON.parse(PAGE_LAYOUT_JSON);
