// Reading one cell of a roster (talent/roster.hpp), for roster.cpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talent/datum.hpp"
#include "talent/roster.hpp"

namespace talent::roster_cells {

// Full-width forms (Ａ, １, ：) as ASCII, the ideographic space as a space,
// then trimmed.
std::string normalise(std::string_view s);
std::string lower(std::string s);
bool starts_with(std::string_view s, std::string_view prefix);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Why a cell could not be read: a message code (roster.cpp words it) and
// what fills it in.
struct CellError {
  std::string code, value, choices, entry;
};

// A cell as the JSON value of its question; `out` empty for unknown (blank
// or "not sure"); false with `error` set when it cannot be read.
bool read_cell(const RosterQuestion& q, std::string_view raw, Lang lang, std::optional<Datum>& out, CellError& error);

// Puts `value` at the dotted `path` of the object `root`.
void put(Datum& root, std::string_view path, Datum value);

}  // namespace talent::roster_cells
