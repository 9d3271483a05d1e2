// The property every fuzz target checks: a result is exactly one of an error
// object, a question or an outcome, each shaped as SPEC §3 says. Returns a
// description of the first violation, or "" when the result is well-formed.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace xueshe::fuzzing {

std::string check_result(const nlohmann::json& body, bool ok);

// Stops the fuzzer on a broken property: prints what (and the input's detail) and aborts.
[[noreturn]] void violated(const std::string& what, const std::string& detail = "");

}  // namespace xueshe::fuzzing
