// Which message catalogs a binary carries. Each build links one table (see
// core/CMakeLists.txt): the CLI and tests carry every language; the page's
// wasm carries one language per module, so a first visit downloads only the
// language it shows.
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
  std::string_view (*staff)();     // core/messages/staff.<lang>.json (CLI, staff page)
  std::string_view (*takeaway)();  // core/messages/takeaway.<lang>.json (calendar, application)
};

struct CatalogTable {
  const EmbeddedCatalog* entries;
  std::size_t count;
};

CatalogTable catalog_table();

// One language's parts merged into one object.
nlohmann::json merged_catalog(const EmbeddedCatalog& entry);

}  // namespace xueshe
