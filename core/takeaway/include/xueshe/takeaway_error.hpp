// Error bodies of the take-away outputs (calendar file, application): the same
// {"error": {"code", "message", "field"}} shape as error_body (engine.hpp), with
// the message from the take-away catalog ("takeaway.error.<code>"), the only
// one the take-away wasm module carries.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "xueshe/error.hpp"

namespace xueshe {

nlohmann::json takeaway_error_body(const Error& error, const std::string& lang);

}  // namespace xueshe
