// Internal: a JSON object built member by member. Smaller code than nlohmann's
// initializer lists, which build every member as a two-element array and check
// at run time whether the whole list is an object; the page's module carries
// every byte of it. The members come out in key order either way (std::map).
#pragma once
#include <utility>

#include <nlohmann/json.hpp>

namespace xueshe {

class JsonObject {
 public:
  JsonObject& add(const char* key, nlohmann::json value);
  nlohmann::json done() { return std::move(object_); }

 private:
  nlohmann::json object_ = nlohmann::json::object();
};

}  // namespace xueshe
