// A Lang written to a stream (lang.hpp). In a file of its own so that a binary
// that never prints a language (the page's module) does not link the
// iostreams' locale with it (≈ 0.8 KB gz and two imports of the environment).
#include <ostream>

#include "xueshe/lang.hpp"

namespace xueshe {

std::ostream& operator<<(std::ostream& out, Lang lang) { return out << code(lang); }

}  // namespace xueshe
