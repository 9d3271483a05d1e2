// JSON text out: every result, error and message the engine gives is written
// here, the same way in the CLI and the wasm modules (compared byte for byte).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace xueshe {

// The text nlohmann's dump(pretty ? 2 : -1, ' ', false, replace) gives, byte
// for byte: keys in order, "\n" and two spaces per level when pretty, control
// characters escaped, other characters as they are, each ill-formed UTF-8
// sequence replaced by U+FFFD. Written here so that the page's module carries
// neither nlohmann's serializer nor the printf it needs.
std::string to_json_text(const nlohmann::json& value, bool pretty = false);

}  // namespace xueshe
