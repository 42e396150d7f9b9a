// The page's dictionary (zh and en) and layout, compiled in by
// scripts/build-site.js as JSON text and parsed once here.

/* global PAGE_TEXT_JSON, PAGE_LAYOUT_JSON */
export const pageText = JSON.parse(PAGE_TEXT_JSON);
export const pageLayout = JSON.parse(PAGE_LAYOUT_JSON);

// The category letters, from the parts of the summary category ("fcg.category.A" … "F").
export const letterOf = (partId) => partId.slice(partId.lastIndexOf('.') + 1);
export const isCategoryLetter = (value) =>
  (pageLayout.parts[pageLayout.summary_category] || []).some((id) => letterOf(id) === value);
