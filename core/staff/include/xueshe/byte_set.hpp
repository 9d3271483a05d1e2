// A set of byte values as a table, for loops that ask of every byte of a
// roster whether it is one of a few (a CSV's special bytes, the first bytes
// of a formula, the bytes a space can start or end with).
#pragma once
#include <string_view>

namespace xueshe {

struct ByteSet {
  bool has[256] = {};
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) has[static_cast<unsigned char>(c)] = true;
  }
  constexpr bool operator()(char c) const { return has[static_cast<unsigned char>(c)]; }
};

}  // namespace xueshe
