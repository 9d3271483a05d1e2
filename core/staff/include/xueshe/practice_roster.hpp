// A made-up roster to practise on: the paths of a policy's flow (the decision
// table's), row after row, each row with its own student number and its own
// birth date, complete and without an error. The staff page checks one while
// it waits for staff to choose their file and shows nothing of it: a browser
// compiles a wasm function when it is first called and optimizes it only
// after many calls, so the first real roster paid for both, ≈ 0.5 s of a
// 100,000-row roster's first check (bench/staff-page.mjs).
#pragma once
#include <cstddef>
#include <string>

#include "xueshe/engine.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// `rows` data rows (UTF-8, header first, CRLF), columns as the template names
// them in `lang`: student number, name, the fields some path asks, status.
// Row i is path i % paths of enumerate_paths, born i % 2000 days before that
// path's birth date unless that would change what the age rule reads of it
// (then on the path's own): about as many birth dates as a real class has.
std::string practice_roster_csv(const Engine& engine, Lang lang, std::size_t rows);

}  // namespace xueshe
