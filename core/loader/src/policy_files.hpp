// Reading the policy files and the checks that hold them to their
// documents: strict JSON (no duplicate keys), a pack names its document, and
// every clause text is found in that document.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "talent/json.hpp"
#include "talent/loader.hpp"

namespace talent {

// `text` parsed; nullopt, with pack.invalid_json errors naming `file`, if it
// is not JSON or repeats a key in an object (a plain parse would silently
// keep one of the two).
std::optional<Json> parse_policy_json(std::string_view text, const std::string& file, LoadErrors& errors);

// `s` without whitespace and line breaks (ASCII, U+3000, U+00A0): the
// documents wrap lines and pages wherever they like.
std::string without_whitespace(std::string_view s);

// The pack's "source" must be the document's file name (pack.invalid_value).
void check_source(const Json& pack, const PolicySource& source, LoadErrors& errors);

// Every clause's zh text must be in the document, whitespace aside
// (pack.clause_text_mismatch).
void check_clause_texts(const Json& clauses, const PolicySource& source, LoadErrors& errors);

}  // namespace talent
