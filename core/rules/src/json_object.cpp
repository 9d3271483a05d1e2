#include "json_object.hpp"

namespace xueshe {

JsonObject& JsonObject::add(const char* key, nlohmann::json value) {
  object_[key] = std::move(value);
  return *this;
}

}  // namespace xueshe
