// What must hold for every input the engine is given, whatever it is
// (issue 11): the answer is one JSON object with an "errors" array, and the
// same input gives the same bytes whatever was asked before it. Shared by
// the libFuzzer targets and the native suite (which runs the seeds).
#pragma once
#include <string>
#include <string_view>

namespace talent::fuzzing {

enum class Call { Evaluate, CheckTeam };

// Asks the built-in engine about `input` (a profile or a team, by `call`),
// then about `before` (what was asked before it) and about a whole valid
// input of the same kind, then about `input` again, through the call that
// allocates and through the one that reuses a buffer. Empty when every
// answer parses and the three answers to `input` are the same bytes;
// otherwise what went wrong, to be reported with the input.
std::string check_answer(Call call, std::string_view input, std::string_view before);

// The same for a staff roster: `csv` read as talent-check --csv reads it
// (its first record that is not a comment is the header; each row checked
// and written as result and error records), and its rows through the
// roster view's call, roster_check, whose answer must be JSON. Empty when
// reading `csv` again after `before` gives the same bytes.
std::string check_roster(std::string_view csv, std::string_view before);

}  // namespace talent::fuzzing
