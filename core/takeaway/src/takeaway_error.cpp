#include "xueshe/takeaway_error.hpp"

#include "xueshe/error_body.hpp"

namespace xueshe {

nlohmann::json takeaway_error_body(const Error& e, Lang lang) { return error_body(e, lang, "takeaway.error"); }

}  // namespace xueshe
