// Which message catalogs and built-in policy texts a binary carries. Each
// build links one table of each (see core/CMakeLists.txt): the CLI and tests
// carry every language and the policies as published; the page's wasm carries
// one language per module, the policies with that language's texts only, so a
// first visit downloads only the language it shows.
#pragma once
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

namespace xueshe {

// Each part is nullptr where the binary does not carry it.
struct EmbeddedCatalog {
  const char* lang;
  std::string_view (*engine)();    // core/messages/<lang>.json
  std::string_view (*page)();      // core/messages/page.<lang>.json
  std::string_view (*outcome)();   // core/messages/outcome.<lang>.json (not in the page's question modules)
  std::string_view (*staff)();     // core/messages/staff.<lang>.json (CLI, staff page)
  std::string_view (*takeaway)();  // core/messages/takeaway.<lang>.json (calendar, application)
};

struct CatalogTable {
  const EmbeddedCatalog* entries;
  std::size_t count;
};

CatalogTable catalog_table();

// A built-in policy file (policies/<id>.json). published_hash is nullptr when
// text() is the file as published; else text() is a one-language copy and
// published_hash() the published file's hash, which the policy reports so that
// links and footers name the same policy in every module.
struct BuiltinPolicy {
  const char* id;
  std::string_view (*text)();
  std::string_view (*published_hash)();
};

struct BuiltinPolicyTable {
  const BuiltinPolicy* entries;
  std::size_t count;
};

BuiltinPolicyTable builtin_policy_table();

// One language's parts merged into one object.
nlohmann::json merged_catalog(const EmbeddedCatalog& entry);

}  // namespace xueshe
