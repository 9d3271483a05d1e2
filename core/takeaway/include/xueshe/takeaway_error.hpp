// Error bodies of the take-away outputs (calendar file, application):
// error_body (error_body.hpp) with the take-away catalog ("takeaway.error.<code>").
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "xueshe/error.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

nlohmann::json takeaway_error_body(const Error& error, Lang lang);

}  // namespace xueshe
