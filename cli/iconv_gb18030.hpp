// The CLI's GB18030 reading of a roster (core's decode_roster decides when a
// roster is GB18030: roster_decode.hpp). glibc's iconv, GB18030-2005.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace xueshe::cli {

// GB18030 as glibc's iconv reads it (xueshe::Gb18030Reader, roster_decode.hpp):
// the text, or nullopt with bad_offset where iconv stopped.
std::optional<std::string> iconv_gb18030_to_utf8(std::string_view bytes, std::size_t& bad_offset);

}  // namespace xueshe::cli
