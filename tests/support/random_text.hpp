// Random texts made of given pieces, for tests that compare a quick path with
// a slow and obvious one on many inputs (CSV, UTF-8, placeholders, cells).
#pragma once
#include <random>
#include <string>
#include <vector>

namespace xueshe::testing {

// Up to `most` pieces (0 to most-1, each drawn from the first `choose_from`
// pieces, or all of them), end to end.
inline std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces, unsigned most,
                               std::size_t choose_from = 0) {
  const std::size_t from = choose_from == 0 || choose_from > pieces.size() ? pieces.size() : choose_from;
  std::string out;
  for (unsigned i = rng() % most; i > 0; --i) out += pieces[rng() % from];
  return out;
}

}  // namespace xueshe::testing
