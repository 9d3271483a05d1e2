// A text in one language (clause.hpp).
#include "xueshe/clause.hpp"

namespace xueshe {

const std::string& Localized::at(Lang lang) const { return at(std::string(code(lang))); }

}  // namespace xueshe
