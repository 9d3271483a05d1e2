// Explicit input limits (documented in README "Limits"). Anything over them is
// rejected with an error naming the limit; nothing is truncated silently.
#pragma once
#include "xueshe/strict_json.hpp"

namespace xueshe {

// Answers: a small flat object; 16 KiB is far above any real one.
inline JsonLimits answers_json_limits() { return JsonLimits{16 * 1024, 4, 1024}; }
// Policy: clause texts make it tens of KiB; 1 MiB leaves room for long notices.
inline JsonLimits policy_json_limits() { return JsonLimits{1024 * 1024, 16, 64 * 1024}; }

}  // namespace xueshe
