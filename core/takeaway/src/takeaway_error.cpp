#include "xueshe/takeaway_error.hpp"

#include "xueshe/messages.hpp"

namespace xueshe {

nlohmann::json takeaway_error_body(const Error& e, const std::string& lang_in) {
  const std::string lang = is_supported_language(lang_in) ? lang_in : default_language();
  std::map<std::string, std::string> params = e.params;
  params["field"] = e.field;
  return nlohmann::json{{"error", nlohmann::json{{"code", e.code},
                                                 {"message", message(lang, "takeaway.error." + e.code, params)},
                                                 {"field", e.field}}}};
}

}  // namespace xueshe
